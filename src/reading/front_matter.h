#pragma once

#include <string>
#include <string_view>

namespace raci {

/// YAML front matter at the top of a page, between `---` lines.
struct FrontMatter {
  std::string yaml;    ///< the lines between the fences; "" when there is none
  int first_line = 0;  ///< 1-based line of the first YAML line (fence + 1), 0 when none
};

/// Cuts the front matter out of `text`, replacing its lines with empty lines so that
/// line numbers in the rest stay those of the file. An opening fence without a closing
/// one is not front matter (left in place).
FrontMatter take_front_matter(std::string& text);

}  // namespace raci
