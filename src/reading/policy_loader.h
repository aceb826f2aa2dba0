#pragma once

#include <string>
#include <string_view>

#include "model/policy.h"
#include "reading/yaml_tree.h"

namespace raci {

/// The default policy, src/data/policy.yaml, embedded at build time.
Policy embedded_policy();

/// A policy from its YAML node: `themes:`, a list of {name, terms, accountable, consulted,
/// informed}; no `themes` key is a policy without themes (every duty falls back to its
/// listing role). Throws InputError with file, line and column for unknown keys, wrong
/// types, a theme without name or terms, or an empty or repeated theme name.
Policy read_policy(const yaml::Node& node, const std::string& file);

/// A policy file (`--policy FILE`), the same format as read_policy. Throws InputError for
/// invalid YAML, an empty file, and everything read_policy rejects.
Policy load_policy_file(std::string_view text, const std::string& file);

}  // namespace raci
