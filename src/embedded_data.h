#pragma once

#include <string_view>

/// Data files compiled into the binary (see cmake/Embed.cmake and src/data/).
namespace raci::embedded {

/// src/data/duty_verbs.txt: verbs that start a duty, one per line, `#` comments.
std::string_view duty_verbs();

}  // namespace raci::embedded
