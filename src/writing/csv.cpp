#include "writing/csv.h"

namespace raci {

namespace {

// A first character a spreadsheet may read as the start of a formula (OWASP's list).
bool starts_like_formula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

// The bytes that make a field need quotes.
constexpr bool needs_quotes(char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; }

}  // namespace

std::string neutralize_formula(std::string_view cell) {
  return starts_like_formula(cell) ? "'" + std::string(cell) : std::string(cell);
}

void append_csv_field(std::string& out, std::string_view field) {
  const bool formula = starts_like_formula(field);
  // Most fields need no quotes: one scan, one copy.
  std::size_t special = 0;
  while (special < field.size() && !needs_quotes(field[special])) ++special;
  if (special == field.size()) {
    if (formula) out += '\'';
    out.append(field.data(), field.size());
    return;
  }
  out += '"';
  if (formula) out += '\'';
  out.append(field.data(), special);
  for (std::size_t i = special; i < field.size(); ++i) {
    if (field[i] == '"') out += '"';
    out += field[i];
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
