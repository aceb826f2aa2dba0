#pragma once

#include <vector>

#include "model/finding.h"
#include "model/matrix.h"
#include "model/model.h"
#include "model/policy.h"

namespace raci {

/// Checks a matrix against the rules practitioners use, one finding per problem, located
/// at the row's duty (or the role's heading):
///   no-accountable (error)          a row with no A
///   multiple-accountable (error)    a row with more than one A
///   no-responsible (warning)        a row with no R
///   too-many-responsible (warning)  more than thresholds.max_responsible R in a row
///   overloaded-role (warning)       a role A or R on more than thresholds.overloaded_share of rows
///   role-without-accountability (info)  a role Accountable for no row
///   duplicate-needs-decision (warning)  a merged duplicate whose A came from the policy, not
///                                       from a recorded decision or explicit letters
/// The result is sorted by location (sort_findings).
std::vector<Finding> check_matrix(const Model& model, const Matrix& matrix, const Thresholds& thresholds);

}  // namespace raci
