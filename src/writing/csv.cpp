#include "writing/csv.h"

namespace raci {

std::string neutralize_formula(std::string_view cell) {
  if (!cell.empty()) {
    switch (cell.front()) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r': return "'" + std::string(cell);
      default: break;
    }
  }
  return std::string(cell);
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  bool first = true;
  for (const std::string& raw : fields) {
    if (!first) text_ += ',';
    first = false;
    std::string field = neutralize_formula(raw);
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      text_ += field;
      continue;
    }
    text_ += '"';
    for (char c : field) {
      if (c == '"') text_ += '"';
      text_ += c;
    }
    text_ += '"';
  }
  text_ += "\r\n";
}

}  // namespace raci
