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

std::string cell_origin(const MatrixRow& row, const Cell& cell) {
  std::string origin(cell_origin_name(cell.origin));
  if (cell.origin == CellOrigin::kPolicy && !row.theme.empty()) origin += ":" + row.theme;
  return origin;
}

std::string letters_origin(const Matrix& matrix, const MatrixRow& row) {
  std::vector<std::string> parts;
  for (const RoleCell& role_cell : row.cells) {
    if (role_cell.cell.letters.empty()) continue;
    parts.push_back(fmt::format("{} {} {}", matrix.roles[role_cell.role].id,
                                role_cell.cell.letters.to_string(), cell_origin(row, role_cell.cell)));
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

void write_matrix_csv(const Model& model, const Matrix& matrix, const TextSink& sink) {
  ChunkedText out(sink);
  std::string& text = out.text();
  text += "id,area,duty";
  for (const Role& role : matrix.roles) {
    text += ',';
    append_csv_field(text, role.id);
  }
  text += ",theme,letters_from,merged_ids,merged_wording,related\r\n";
  for (const MatrixRow& row : matrix.rows) {
    append_csv_field(text, row.id);
    text += ',';
    append_csv_field(text, row.area);
    text += ',';
    append_csv_field(text, row.text);
    // Letters never need quoting; a thousand mostly empty cells are a thousand commas.
    std::size_t written = 0;  // role fields so far
    for (const RoleCell& cell : row.cells) {
      text.append(cell.role - written + 1, ',');
      text += cell.cell.letters.to_string();
      written = cell.role + 1;
    }
    text.append(matrix.roles.size() - written, ',');
    std::vector<std::string> merged_ids;
    for (std::size_t d : row.merged) merged_ids.push_back(model.duties[d].id);
    for (const std::string& field : {row.theme, letters_origin(matrix, row), join(merged_ids, " "),
                                     merged_wording(model, row), join(row.related, " ")}) {
      text += ',';
      append_csv_field(text, field);
    }
    text += "\r\n";
    out.done_row();
  }
  out.flush();
}

std::string write_matrix_csv(const Model& model, const Matrix& matrix) {
  std::string out;
  write_matrix_csv(model, matrix, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace raci
