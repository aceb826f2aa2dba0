#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "reading/yaml_tree.h"

namespace raci {

/// Reads a matrix's `thresholds:` mapping (related, duplicate, near_duplicate: scores in
/// (0, 1]; max_responsible: a whole number from 1 to 1000; overloaded_share: a share in
/// (0, 1]) into `thresholds`; an empty `thresholds:` changes nothing. Throws InputError for
/// unknown keys, values out of range, and a duplicate threshold below the related one.
void read_thresholds(const yaml::Node& node, const std::string& file, Thresholds& thresholds);

/// Reads a matrix's `decisions:` list; each item is {duties: [ID, ID], raci: {ROLE: LETTERS}}
/// (merge the two into one row with these letters) or {duties: [ID, ID], separate: true}
/// (keep two rows), with an optional `note`; an empty `decisions:` is none. Throws
/// InputError for the wrong types, unknown or repeated keys, other than two duty ids, invalid
/// letters, and neither or both of `raci` and `separate: true`. Duty ids and roles are
/// checked by check_decisions.
std::vector<Decision> read_decisions(const yaml::Node& node, const std::string& file);

/// Checks the decisions against the model once duty ids are known: each names two known
/// duties of two different roles, no pair is decided twice, no duty is merged by two
/// decisions, and roles in `raci` exist. Throws InputError at the decision.
void check_decisions(const Model& model);

}  // namespace raci
