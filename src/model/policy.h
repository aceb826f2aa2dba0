#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/letters.h"
#include "model/source_location.h"

namespace raci {

/// One theme of an assignment policy: the duties it covers (by their terms) and who is
/// Accountable, Consulted and Informed for them. Roles are named by id or by name
/// (case-insensitive); the first one the matrix has is used.
struct PolicyTheme {
  std::string name;                      ///< "hiring", "technical", ...
  std::vector<std::string> terms;        ///< words or phrases; matched after stemming
  std::vector<std::string> accountable;  ///< candidates in order of preference
  std::vector<std::string> consulted;    ///< every one present gets C
  std::vector<std::string> informed;     ///< every one present gets I
};

/// Who answers for what: themes tried in order, the best match wins. A duty no theme
/// matches, or whose theme names no role of the matrix, falls back to its listing role.
struct Policy {
  std::vector<PolicyTheme> themes;
};

/// The thresholds of the analysis and the checks, each overridable (see README).
struct Thresholds {
  double related = 0.0;          ///< overlap score from which a pair is `related` (0: engine default)
  double duplicate = 0.0;        ///< overlap score from which a pair is `duplicate` (0: engine default)
  double near_duplicate = 0.0;   ///< same-role similarity reported as a near-duplicate (0: default)
  int max_responsible = 3;       ///< more R than this in one row is a finding
  double overloaded_share = 0.6; ///< a role A or R on more than this share of rows is overloaded
};

/// A workshop's decision on a pair of duties, recorded in the YAML matrix.
struct Decision {
  std::vector<std::string> duties;  ///< the two duty ids the decision is about
  bool merge = true;                ///< true: one row (duplicate); false: keep two rows
  std::vector<std::pair<std::string, Letters>> raci;  ///< role id -> letters of the merged row
  std::string note;
  SourceLocation where;             ///< where it was recorded
};

}  // namespace raci
