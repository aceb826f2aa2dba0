#include "model/matrix.h"

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

Matrix build_matrix(const Model& model) {
  Matrix matrix;
  matrix.roles = model.roles;
  matrix.rows.reserve(model.duties.size());
  for (std::size_t d = 0; d < model.duties.size(); ++d) {
    const Duty& duty = model.duties[d];
    MatrixRow row{duty.id, duty.area, duty.text, d, std::vector<Cell>(model.roles.size()), {}, {}, {}};
    if (duty.raci.empty()) {
      row.cells[duty.role] = {Letters(Letters::kA | Letters::kR), CellOrigin::kListingRole, {}};
    } else {
      for (const ExplicitCell& cell : duty.raci) {
        // Loaders reject unknown role ids, so the lookup always succeeds here.
        if (auto role = model.find_role(cell.role_id)) {
          row.cells[*role] = {cell.letters, CellOrigin::kExplicit, {}};
        }
      }
    }
    matrix.rows.push_back(std::move(row));
  }
  return matrix;
}

}  // namespace raci
