#include "writing/matrix_csv.h"

#include "writing/csv.h"

namespace raci {

std::string write_matrix_csv(const Matrix& matrix) {
  CsvWriter csv;
  std::vector<std::string> fields = {"id", "area", "duty"};
  for (const Role& role : matrix.roles) fields.push_back(role.id);
  csv.row(fields);
  for (const MatrixRow& row : matrix.rows) {
    fields = {row.id, row.area, row.text};
    for (const Cell& cell : row.cells) fields.push_back(cell.letters.to_string());
    csv.row(fields);
  }
  return csv.text();
}

}  // namespace raci
