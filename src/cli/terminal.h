#pragma once

#include <cstdio>

namespace raci {

/// Whether to colour what goes to a stream: only when it is a terminal and NO_COLOR is
/// unset or empty (https://no-color.org).
bool use_color(std::FILE* stream);

/// The width of the terminal on standard output: its size when it is one, else COLUMNS
/// when set, else 100.
int terminal_width();

}  // namespace raci
