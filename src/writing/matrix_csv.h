#pragma once

#include <string>

#include "model/matrix.h"
#include "model/model.h"

namespace raci {

/// Where each letter of a row came from, for people: "EM A/R policy:people; TL C overlap".
std::string letters_origin(const Matrix& matrix, const MatrixRow& row);

/// The wording of the duties merged into a row, each with its role: "TL: Lead decision making…".
std::string merged_wording(const Model& model, const MatrixRow& row);

/// The matrix as CSV: header `id,area,duty,<role ids in input order>`, then the extra
/// columns `theme,letters_from,merged_ids,merged_wording,related`; one line per row; cells
/// hold canonical letters ("A/R") or are empty.
std::string write_matrix_csv(const Model& model, const Matrix& matrix);

}  // namespace raci
