#include "model/letters.h"

namespace raci {

namespace {
// Output order: Accountable first, as practitioners write "A/R".
constexpr struct {
  Letters::Letter letter;
  char name;
} kOrder[] = {{Letters::kA, 'A'}, {Letters::kR, 'R'}, {Letters::kC, 'C'}, {Letters::kI, 'I'}};
}  // namespace

std::optional<Letters> Letters::parse(std::string_view text) {
  std::uint8_t bits = 0;
  for (char c : text) {
    switch (c) {
      case 'R':
      case 'r': bits |= kR; break;
      case 'A':
      case 'a': bits |= kA; break;
      case 'C':
      case 'c': bits |= kC; break;
      case 'I':
      case 'i': bits |= kI; break;
      case '/':
      case ',':
      case '+':
      case ' ':
      case '\t': break;
      case '-':
        if (text.size() != 1) return std::nullopt;
        break;
      default: return std::nullopt;
    }
  }
  return Letters(bits);
}

std::string Letters::to_string() const {
  std::string out;
  for (const auto& [letter, name] : kOrder) {
    if (!has(letter)) continue;
    if (!out.empty()) out += '/';
    out += name;
  }
  return out;
}

}  // namespace raci
