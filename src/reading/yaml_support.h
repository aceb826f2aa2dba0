#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "model/source_location.h"

namespace raci::yaml {

/// The 1-based location of a yaml-cpp mark in `file` (file alone when the mark is null).
SourceLocation location(const std::string& file, const YAML::Mark& mark);

/// The deepest nesting of lists and mappings a YAML input may have: a matrix needs 8.
inline constexpr int kMaxYamlDepth = 100;

/// The most nodes a YAML input may hold, counting each use of an alias as a copy of the
/// node it names, so that aliases cannot expand a small file into billions of nodes.
inline constexpr std::size_t kMaxYamlNodes = 4'000'000;

/// Parses a YAML document; throws InputError "invalid YAML: ..." at the parser's mark, and
/// InputError at the place where the document nests lists and mappings more than
/// kMaxYamlDepth deep, where an alias names a node that holds it, or where aliases make it
/// more than kMaxYamlNodes nodes.
YAML::Node parse(std::string_view text, const std::string& file);

/// What a node is, as a person would name it: "a list", "a mapping", "text" or "nothing".
std::string_view kind_name(const YAML::Node& node);

/// Throws InputError "WHAT must be a list, found text" unless `node` has `type`.
void expect(const YAML::Node& node, YAML::NodeType::value type, std::string_view what,
            const std::string& file);

/// Calls `visit(key, value)` for each key of a mapping in document order; a key not in
/// `allowed` ("unknown key ... (expected one of: ...)") or repeated is an InputError. An
/// InputError that `visit` throws about an empty value (`key:` alone) is moved to the key.
void for_each_key(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                  const std::string& file,
                  const std::function<void(const std::string&, const YAML::Node&)>& visit);

/// A list of non-empty texts (a single text counts as a list of one); InputError otherwise.
std::vector<std::string> text_list(const YAML::Node& node, std::string_view what, const std::string& file);

/// A number in [min, max]; InputError ("WHAT must be a number from MIN to MAX, found ...")
/// otherwise.
double number(const YAML::Node& node, std::string_view what, double min, double max, const std::string& file);

}  // namespace raci::yaml
