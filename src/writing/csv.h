#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace raci {

/// Makes a cell safe to open in a spreadsheet: text that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading `'`, as OWASP's CSV-injection guidance
/// recommends, so no client evaluates it as a formula. Other text is returned unchanged.
std::string neutralize_formula(std::string_view cell);

/// Appends one field to a record being built: neutralized (neutralize_formula), quoted when
/// it holds `,`, `"`, CR or LF, quotes doubled. No separator: the caller adds the commas.
void append_csv_field(std::string& out, std::string_view field);

/// Builds RFC 4180 CSV text: fields quoted when they hold `,`, `"`, CR or LF, quotes
/// doubled, lines ended by CRLF. Every field passes through neutralize_formula.
class CsvWriter {
 public:
  /// Appends one record.
  void row(const std::vector<std::string>& fields);

  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace raci
