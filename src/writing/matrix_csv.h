#pragma once

#include <string>

#include "model/matrix.h"
#include "model/model.h"
#include "writing/streamed_file.h"

namespace raci {

/// Where each letter of a row came from, for people: "EM A/R policy:people; TL C overlap".
std::string letters_origin(const Matrix& matrix, const MatrixRow& row);

/// Where one cell's letters came from: "listing-role", "policy:people" (the row's theme).
std::string cell_origin(const MatrixRow& row, const Cell& cell);

/// The wording of the duties merged into a row, each with its role: "TL: Lead decision making…".
std::string merged_wording(const Model& model, const MatrixRow& row);

/// The matrix as CSV: header `id,area,duty,<role ids in input order>`, then the extra
/// columns `theme,letters_from,merged_ids,merged_wording,related`; one line per row; cells
/// hold canonical letters ("A/R") or are empty. Handed to `sink` in pieces of about a
/// megabyte, so a thousand roles by a hundred thousand rows never sits whole in memory.
void write_matrix_csv(const Model& model, const Matrix& matrix, const TextSink& sink);

/// The same, as one string.
std::string write_matrix_csv(const Model& model, const Matrix& matrix);

}  // namespace raci
