#pragma once

#include <string>
#include <string_view>

namespace raci {

/// ANSI colours used in terminal output.
enum class Color { kRed, kYellow, kBlue, kGreen, kMagenta, kBold, kDim };

/// `text` wrapped in the colour's escape codes when `enabled`, else `text` itself.
std::string paint(std::string_view text, Color color, bool enabled);

}  // namespace raci
