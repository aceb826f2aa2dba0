#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/finding.h"
#include "model/letters.h"
#include "model/lexicon.h"
#include "model/policy.h"
#include "model/source_location.h"

namespace raci {

/// A position in the organisation, e.g. {"EM", "Engineering Manager"}.
struct Role {
  std::string id;
  std::string name;
  SourceLocation source;
};

/// Letters given explicitly for one role on one duty (`raci: {EM: A/R}` in YAML).
struct ExplicitCell {
  std::string role_id;
  Letters letters;
};

/// One responsibility sentence, listed under a role and optionally an area.
struct Duty {
  std::string id;        ///< stable id, unique in the model
  std::string text;      ///< the sentence, repaired and trimmed
  std::size_t role = 0;  ///< index into Model::roles of the role that lists it
  std::string area;      ///< "" when listed outside any area
  SourceLocation source;
  bool id_given = false;           ///< the input named the id rather than letting it be derived
  std::vector<ExplicitCell> raci;  ///< explicit letters; empty when none were given
};

/// Everything read from one input: the roles, their duties in input order, and the
/// findings the reader made (repairs a person should confirm).
struct Model {
  std::string title;
  std::string description;
  std::string source_file;  ///< the path as the user gave it
  std::vector<Role> roles;
  std::vector<Duty> duties;
  std::vector<Finding> findings;
  std::vector<Decision> decisions;  ///< workshop decisions on pairs (YAML `decisions:`)
  std::optional<Policy> policy;     ///< the matrix's own policy (YAML `policy:`), if any
  Thresholds thresholds;            ///< YAML `thresholds:`, defaults otherwise
  std::optional<Lexicon> lexicon;   ///< the matrix's own synonyms and phrases (YAML `lexicon:`)

  /// Index of the role with this id, or nullopt.
  std::optional<std::size_t> find_role(std::string_view id) const;

  /// The areas of one role in order of first appearance ("" included when used).
  std::vector<std::string> areas_of(std::size_t role) const;

  /// areas_of() for every role, by role index, in one pass over the duties.
  std::vector<std::vector<std::string>> areas_by_role() const;
};

}  // namespace raci
