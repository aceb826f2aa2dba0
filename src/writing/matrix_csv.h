#pragma once

#include <string>

#include "model/matrix.h"

namespace raci {

/// The matrix as CSV: header `id,area,duty,<role ids in input order>`, one line per row,
/// cells holding canonical letters ("A/R") or empty.
std::string write_matrix_csv(const Matrix& matrix);

}  // namespace raci
