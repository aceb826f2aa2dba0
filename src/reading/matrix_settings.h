#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "model/model.h"

namespace raci {

/// Reads a matrix's `thresholds:` mapping (related, duplicate, near_duplicate: scores in
/// (0, 1]; max_responsible: a count; overloaded_share: a share in (0, 1]) into `thresholds`.
/// Throws InputError for unknown keys and values out of range.
void read_thresholds(const YAML::Node& node, const std::string& file, Thresholds& thresholds);

/// Reads a matrix's `decisions:` list; each item is {duties: [ID, ID], raci: {ROLE: LETTERS}}
/// (merge the two into one row with these letters) or {duties: [ID, ID], separate: true}
/// (keep two rows), with an optional `note`. Duty ids are checked by check_decisions.
std::vector<Decision> read_decisions(const YAML::Node& node, const std::string& file);

/// Checks the decisions against the model once duty ids are known: each names two known
/// duties of two different roles, no pair is decided twice, and roles in `raci` exist.
/// Throws InputError at the decision.
void check_decisions(const Model& model);

}  // namespace raci
