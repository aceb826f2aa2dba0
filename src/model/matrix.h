#pragma once

#include <cstdint>
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
  kPolicy,       ///< a theme of the assignment policy (MatrixRow::theme names it)
  kDecision,     ///< a workshop decision recorded in the YAML (`decisions:`)
  kOverlap,      ///< the role shares ground with this duty elsewhere (C)
};

/// "", "explicit", "listing-role", "policy", "decision" or "overlap".
std::string_view cell_origin_name(CellOrigin origin);

/// One cell of the matrix: a set of letters and where they came from. Two bytes, so a
/// thousand roles by a hundred thousand rows stays cheap where it is stored at all.
struct Cell {
  Letters letters;
  CellOrigin origin = CellOrigin::kNone;
  friend bool operator==(const Cell&, const Cell&) = default;
};

/// The cell of one role in a row.
struct RoleCell {
  std::uint32_t role = 0;  ///< index into Matrix::roles
  Cell cell;
  friend bool operator==(const RoleCell&, const RoleCell&) = default;
};

/// One row of the matrix: a duty and the cells of the roles it involves. The matrix is
/// sparse: a role without a cell in `cells` has the empty cell (no letters, kNone).
struct MatrixRow {
  std::string id;
  std::string area;
  std::string text;
  std::size_t duty = 0;                ///< index into Model::duties
  std::vector<RoleCell> cells;         ///< the cells set, by role index, each role once
  std::vector<std::size_t> merged;     ///< other duties merged into this row (a duplicate pair)
  std::vector<std::string> related;    ///< ids of rows this one shares ground with
  std::string theme;                   ///< the policy theme the row matched, "" when none; the
                                       ///< theme of its kPolicy cells

  /// The cell of a role: the empty cell when none is set.
  Cell cell(std::size_t role) const;

  /// The cell of a role, to write into: added (empty, in role order) when missing.
  Cell& cell_at(std::size_t role);
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
