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

void append_csv_field(std::string& out, std::string_view field) {
  bool formula = false;
  if (!field.empty()) {
    switch (field.front()) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r': formula = true; break;
      default: break;
    }
  }
  bool quote = false;
  for (char c : field) quote |= c == ',' || c == '"' || c == '\r' || c == '\n';
  if (!quote) {
    if (formula) out += '\'';
    out += field;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  bool first = true;
  for (const std::string& field : fields) {
    if (!first) text_ += ',';
    first = false;
    append_csv_field(text_, field);
  }
  text_ += "\r\n";
}

}  // namespace raci
