#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace raci {

/// Whether to colour what goes to a stream: only when it is a terminal and NO_COLOR is
/// unset or empty (https://no-color.org).
bool use_color(std::FILE* stream);

/// ANSI colours used in terminal output.
enum class Color { kRed, kYellow, kBlue, kGreen, kMagenta, kBold, kDim };

/// `text` wrapped in the colour's escape codes when `enabled`, else `text` itself.
std::string paint(std::string_view text, Color color, bool enabled);

}  // namespace raci
