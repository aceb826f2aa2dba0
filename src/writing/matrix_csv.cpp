#include "writing/matrix_csv.h"

#include <fmt/format.h>

#include "writing/csv.h"

namespace raci {

namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace

std::string letters_origin(const Matrix& matrix, const MatrixRow& row) {
  std::vector<std::string> parts;
  for (std::size_t r = 0; r < row.cells.size(); ++r) {
    const Cell& cell = row.cells[r];
    if (cell.letters.empty()) continue;
    std::string origin(cell_origin_name(cell.origin));
    if (!cell.theme.empty()) origin += ":" + cell.theme;
    parts.push_back(fmt::format("{} {} {}", matrix.roles[r].id, cell.letters.to_string(), origin));
  }
  return join(parts, "; ");
}

std::string merged_wording(const Model& model, const MatrixRow& row) {
  std::vector<std::string> parts;
  for (std::size_t d : row.merged) {
    parts.push_back(fmt::format("{}: {}", model.roles[model.duties[d].role].id, model.duties[d].text));
  }
  return join(parts, "\n");
}

std::string write_matrix_csv(const Model& model, const Matrix& matrix) {
  CsvWriter csv;
  std::vector<std::string> fields = {"id", "area", "duty"};
  for (const Role& role : matrix.roles) fields.push_back(role.id);
  for (const char* extra : {"theme", "letters_from", "merged_ids", "merged_wording", "related"}) {
    fields.push_back(extra);
  }
  csv.row(fields);
  for (const MatrixRow& row : matrix.rows) {
    fields = {row.id, row.area, row.text};
    for (const Cell& cell : row.cells) fields.push_back(cell.letters.to_string());
    std::vector<std::string> merged_ids;
    for (std::size_t d : row.merged) merged_ids.push_back(model.duties[d].id);
    fields.push_back(row.theme);
    fields.push_back(letters_origin(matrix, row));
    fields.push_back(join(merged_ids, " "));
    fields.push_back(merged_wording(model, row));
    fields.push_back(join(row.related, " "));
    csv.row(fields);
  }
  return csv.text();
}

}  // namespace raci
