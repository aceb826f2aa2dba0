#include "writing/cells_csv.h"

#include "writing/csv.h"
#include "writing/matrix_csv.h"

namespace raci {

void write_cells_csv(const Matrix& matrix, const TextSink& sink) {
  ChunkedText out(sink);
  std::string& text = out.text();
  text += "id,role,letters,from\r\n";
  for (const MatrixRow& row : matrix.rows) {
    for (const RoleCell& cell : row.cells) {
      if (cell.cell.letters.empty()) continue;
      append_csv_field(text, row.id);
      text += ',';
      append_csv_field(text, matrix.roles[cell.role].id);
      text += ',';
      text += cell.cell.letters.to_string();
      text += ',';
      append_csv_field(text, cell_origin(row, cell.cell));
      text += "\r\n";
    }
    out.done_row();
  }
  out.flush();
}

std::string write_cells_csv(const Matrix& matrix) {
  std::string out;
  write_cells_csv(matrix, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace raci
