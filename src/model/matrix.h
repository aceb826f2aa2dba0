#pragma once

#include <string>
#include <vector>

#include "model/letters.h"
#include "model/model.h"

namespace raci {

/// Where the letters of a cell came from, so the exports can say it.
enum class CellOrigin {
  kNone,         ///< empty cell, nobody said anything
  kExplicit,     ///< written in the input (`raci:` in YAML)
  kListingRole,  ///< the role that lists the duty answers for it (A/R), or does it (R)
  kPolicy,       ///< a theme of the assignment policy (Cell::theme names it)
  kDecision,     ///< a workshop decision recorded in the YAML (`decisions:`)
  kOverlap,      ///< the role shares ground with this duty elsewhere (C)
};

/// "", "explicit", "listing-role", "policy", "decision" or "overlap".
std::string_view cell_origin_name(CellOrigin origin);

/// One cell of the matrix: a set of letters and where they came from.
struct Cell {
  Letters letters;
  CellOrigin origin = CellOrigin::kNone;
  std::string theme;  ///< the policy theme, when origin is kPolicy
};

/// One row of the matrix: a duty and a cell per role, in role order.
struct MatrixRow {
  std::string id;
  std::string area;
  std::string text;
  std::size_t duty = 0;  ///< index into Model::duties
  std::vector<Cell> cells;
  std::vector<std::size_t> merged;   ///< other duties merged into this row (a duplicate pair)
  std::vector<std::string> related;  ///< ids of rows this one shares ground with
  std::string theme;                 ///< the policy theme the row matched, "" when none
};

/// The RACI matrix: every duty, every role, a set of letters in each cell.
struct Matrix {
  std::vector<Role> roles;
  std::vector<MatrixRow> rows;
};

/// Builds the matrix of a model: explicit letters where the input gave them, otherwise the
/// role that lists a duty holds A/R and the others are empty.
Matrix build_matrix(const Model& model);

}  // namespace raci
