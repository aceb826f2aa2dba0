#include "model/matrix.h"

#include <algorithm>

namespace raci {

std::string_view cell_origin_name(CellOrigin origin) {
  switch (origin) {
    case CellOrigin::kNone: return "";
    case CellOrigin::kExplicit: return "explicit";
    case CellOrigin::kListingRole: return "listing-role";
    case CellOrigin::kPolicy: return "policy";
    case CellOrigin::kDecision: return "decision";
    case CellOrigin::kOverlap: return "overlap";
  }
  return "";
}

namespace {

bool before(const RoleCell& cell, std::size_t role) { return cell.role < role; }

}  // namespace

Cell MatrixRow::cell(std::size_t role) const {
  auto it = std::lower_bound(cells.begin(), cells.end(), role, before);
  return it != cells.end() && it->role == role ? it->cell : Cell{};
}

Cell& MatrixRow::cell_at(std::size_t role) {
  auto it = std::lower_bound(cells.begin(), cells.end(), role, before);
  if (it == cells.end() || it->role != role) it = cells.insert(it, {static_cast<std::uint32_t>(role), Cell{}});
  return it->cell;
}

Matrix build_matrix(const Model& model) {
  Matrix matrix;
  matrix.roles = model.roles;
  matrix.rows.reserve(model.duties.size());
  for (std::size_t d = 0; d < model.duties.size(); ++d) {
    const Duty& duty = model.duties[d];
    MatrixRow row{duty.id, duty.area, duty.text, d, {}, {}, {}, {}};
    if (duty.raci.empty()) {
      row.cell_at(duty.role) = {Letters(Letters::kA | Letters::kR), CellOrigin::kListingRole};
    } else {
      for (const ExplicitCell& cell : duty.raci) {
        // Loaders reject unknown role ids, so the lookup always succeeds here.
        if (auto role = model.find_role(cell.role_id)) row.cell_at(*role) = {cell.letters, CellOrigin::kExplicit};
      }
    }
    matrix.rows.push_back(std::move(row));
  }
  return matrix;
}

}  // namespace raci
