#include "reading/front_matter.h"

namespace raci {

namespace {

std::string_view strip_line_end(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

FrontMatter take_front_matter(std::string& text) {
  std::string_view view = text;
  std::size_t first_end = view.find('\n');
  if (first_end == std::string_view::npos || strip_line_end(view.substr(0, first_end)) != "---") {
    return {};
  }
  std::size_t pos = first_end + 1;
  while (pos <= view.size()) {
    std::size_t end = view.find('\n', pos);
    std::string_view line = view.substr(pos, end == std::string_view::npos ? view.npos : end - pos);
    std::string_view bare = strip_line_end(line);
    if (bare == "---" || bare == "...") {
      FrontMatter result{std::string(view.substr(first_end + 1, pos - first_end - 1)), 2};
      std::size_t close_end = end == std::string_view::npos ? view.size() : end;
      // Keep only the newlines, so the body's line numbers are unchanged.
      for (std::size_t i = 0; i < close_end; ++i) {
        if (text[i] != '\n') text[i] = ' ';
      }
      return result;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return {};
}

}  // namespace raci
