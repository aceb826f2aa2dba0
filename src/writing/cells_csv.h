#pragma once

#include <string>

#include "model/matrix.h"
#include "writing/streamed_file.h"

namespace raci {

/// The matrix in long form, the shape that stays usable with a thousand roles: header
/// `id,role,letters,from`, one line per cell holding letters, in row order and then role
/// order; `from` says where the letters came from ("listing-role", "policy:hiring",
/// "decision", "overlap", "explicit"). Handed to `sink` in pieces of about a megabyte.
void write_cells_csv(const Matrix& matrix, const TextSink& sink);

/// The same, as one string.
std::string write_cells_csv(const Matrix& matrix);

}  // namespace raci
