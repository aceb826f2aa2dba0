#include "reading/text_repair.h"

#include <vector>

#include "reading/utf8.h"

namespace raci {

namespace {

int utf8_length_of_lead(int byte) {
  if (byte >= 0xC2 && byte <= 0xDF) return 2;
  if (byte >= 0xE0 && byte <= 0xEF) return 3;
  if (byte >= 0xF0 && byte <= 0xF4) return 4;
  return 0;
}

// One pass over the code points; true when something was repaired.
bool repair_pass(std::vector<char32_t>& text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  bool changed = false;
  for (std::size_t i = 0; i < text.size();) {
    int n = utf8_length_of_lead(utf8::to_windows_1252(text[i]));
    if (n > 0 && i + n <= text.size()) {
      std::string bytes(1, static_cast<char>(utf8::to_windows_1252(text[i])));
      bool continuation = true;
      for (int k = 1; k < n && continuation; ++k) {
        int b = utf8::to_windows_1252(text[i + k]);
        continuation = b >= 0x80 && b <= 0xBF;
        bytes += static_cast<char>(b);
      }
      if (continuation && utf8::find_invalid(bytes) == std::string::npos) {
        std::vector<char32_t> decoded = utf8::decode(bytes);
        out.push_back(decoded.front());
        i += n;
        changed = true;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  if (changed) text = std::move(out);
  return changed;
}

}  // namespace

std::optional<std::string> repair_mojibake(std::string_view text) {
  // Fast path: mojibake needs a lead character from U+00C2..U+00F4, which in UTF-8
  // always starts with byte 0xC3.
  if (text.find('\xC3') == std::string_view::npos) return std::nullopt;
  std::vector<char32_t> code_points = utf8::decode(text);
  bool changed = false;
  // Text mis-decoded twice needs two passes; three guards against pathological input.
  for (int pass = 0; pass < 3 && repair_pass(code_points); ++pass) changed = true;
  if (!changed) return std::nullopt;
  return utf8::encode(code_points);
}

std::pair<std::string, std::string> changed_words(std::string_view before, std::string_view after) {
  std::size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  // Widen to whole words: back to the space before, on to the space after.
  std::size_t start = before.rfind(' ', prefix == 0 ? 0 : prefix - 1);
  start = start == std::string_view::npos || prefix == 0 ? 0 : start + 1;
  auto word_end = [](std::string_view text, std::size_t from) {
    std::size_t end = text.find(' ', from);
    return end == std::string_view::npos ? text.size() : end;
  };
  std::size_t end_before = word_end(before, before.size() - suffix);
  std::size_t end_after = word_end(after, after.size() - suffix);
  return {std::string(before.substr(start, end_before - start)),
          std::string(after.substr(start, end_after - start))};
}

}  // namespace raci
