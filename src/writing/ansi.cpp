#include "writing/ansi.h"

namespace raci {

std::string paint(std::string_view text, Color color, bool enabled) {
  if (!enabled) return std::string(text);
  std::string_view code;
  switch (color) {
    case Color::kRed: code = "\033[31m"; break;
    case Color::kYellow: code = "\033[33m"; break;
    case Color::kBlue: code = "\033[34m"; break;
    case Color::kGreen: code = "\033[32m"; break;
    case Color::kMagenta: code = "\033[35m"; break;
    case Color::kBold: code = "\033[1m"; break;
    case Color::kDim: code = "\033[2m"; break;
  }
  return std::string(code) + std::string(text) + "\033[0m";
}

}  // namespace raci
