#include "analysis/checks.h"

#include <fmt/format.h>

namespace raci {

namespace {

std::string role_list(const Matrix& matrix, const MatrixRow& row, Letters::Letter letter) {
  std::string out;
  for (const RoleCell& cell : row.cells) {
    if (!cell.cell.letters.has(letter)) continue;
    out += fmt::format("{}{}", out.empty() ? "" : ", ", matrix.roles[cell.role].id);
  }
  return out;
}

int count_letter(const MatrixRow& row, Letters::Letter letter) {
  int count = 0;
  for (const RoleCell& cell : row.cells) count += cell.cell.letters.has(letter) ? 1 : 0;
  return count;
}

}  // namespace

std::vector<Finding> check_matrix(const Model& model, const Matrix& matrix, const Thresholds& thresholds) {
  std::vector<Finding> findings;
  std::vector<int> accountable(matrix.roles.size());
  std::vector<int> carrying(matrix.roles.size());  // A or R
  for (const MatrixRow& row : matrix.rows) {
    const SourceLocation& where = model.duties[row.duty].source;
    int a = count_letter(row, Letters::kA);
    int r = count_letter(row, Letters::kR);
    if (a == 0) {
      findings.push_back({Severity::kError, "no-accountable", where,
                          fmt::format("duty {} has no Accountable (A): decide who answers for it", row.id)});
    } else if (a > 1) {
      findings.push_back({Severity::kError, "multiple-accountable", where,
                          fmt::format("duty {} has {} Accountables ({}): exactly one must answer for it",
                                      row.id, a, role_list(matrix, row, Letters::kA))});
    }
    if (r == 0) {
      findings.push_back({Severity::kWarning, "no-responsible", where,
                          fmt::format("duty {} has no Responsible (R): nobody does the work", row.id)});
    } else if (r > thresholds.max_responsible) {
      findings.push_back({Severity::kWarning, "too-many-responsible", where,
                          fmt::format("duty {} has {} Responsibles ({}), more than {}", row.id, r,
                                      role_list(matrix, row, Letters::kR), thresholds.max_responsible)});
    }
    bool merged_by_policy = false;
    bool by_listing_role = false;  // the A is the fallback's, no policy theme matched
    for (const RoleCell& role_cell : row.cells) {
      const Cell& cell = role_cell.cell;
      const std::size_t c = role_cell.role;
      if (cell.letters.has(Letters::kA)) ++accountable[c];
      if (cell.letters.has(Letters::kA) || cell.letters.has(Letters::kR)) ++carrying[c];
      if (cell.letters.has(Letters::kA) && cell.origin != CellOrigin::kDecision &&
          cell.origin != CellOrigin::kExplicit) {
        merged_by_policy = !row.merged.empty();
        by_listing_role = cell.origin == CellOrigin::kListingRole;
      }
    }
    if (merged_by_policy) {
      // "a and b", "a, b and c"
      std::string ids = row.id;
      for (std::size_t i = 0; i < row.merged.size(); ++i) {
        ids += (i + 1 == row.merged.size() ? " and " : ", ") + model.duties[row.merged[i]].id;
      }
      findings.push_back({Severity::kWarning, "duplicate-needs-decision", where,
                          fmt::format("duties {} are the same duty; {} is Accountable {}: confirm it "
                                      "and record the decision",
                                      ids, role_list(matrix, row, Letters::kA),
                                      by_listing_role ? "as the listing role" : "by policy")});
    }
  }
  // A role that lists no duty already has its finding from reading (role-without-duties).
  std::vector<bool> lists_duty(matrix.roles.size(), false);
  for (const Duty& duty : model.duties) {
    if (duty.role < lists_duty.size()) lists_duty[duty.role] = true;
  }
  if (!matrix.rows.empty()) {
    for (std::size_t c = 0; c < matrix.roles.size(); ++c) {
      const Role& role = matrix.roles[c];
      double share = static_cast<double>(carrying[c]) / static_cast<double>(matrix.rows.size());
      // With one role, carrying everything is the only possibility, not a problem.
      if (matrix.roles.size() > 1 && share > thresholds.overloaded_share) {
        findings.push_back(
            {Severity::kWarning, "overloaded-role", role.source,
             fmt::format("role {} is Accountable or Responsible on {} of {} duties ({:.0f}%, more "
                         "than {:.0f}%)",
                         role.id, carrying[c], matrix.rows.size(), share * 100,
                         thresholds.overloaded_share * 100)});
      }
      if (accountable[c] == 0 && lists_duty[c]) {
        findings.push_back({Severity::kInfo, "role-without-accountability", role.source,
                            fmt::format("role {} is Accountable for no duty", role.id)});
      }
    }
  }
  sort_findings(findings);
  return findings;
}

}  // namespace raci
