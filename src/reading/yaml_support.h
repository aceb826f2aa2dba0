#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_location.h"
#include "reading/yaml_tree.h"

namespace raci::yaml {

/// The 1-based location of a mark in `file` (file alone when the mark is null).
SourceLocation location(const std::string& file, const Mark& mark);

/// The deepest nesting of lists and mappings a YAML input may have: a matrix needs 8.
inline constexpr int kMaxYamlDepth = 100;

/// The most nodes a YAML input may hold, counting each use of an alias as a copy of the
/// node it names, so that aliases cannot expand a small file into billions of nodes.
inline constexpr std::size_t kMaxYamlNodes = 4'000'000;

/// Parses a YAML document into a tree with yaml-cpp's nodes and marks: with
/// try_fast_parse when it can, else with yaml-cpp (parse_with_yaml_cpp), the one source
/// of errors. Throws InputError "invalid YAML: ..." at the parser's mark, and InputError at
/// the place where the document nests lists and mappings more than kMaxYamlDepth deep,
/// where an alias names a node that holds it, or where aliases make it more than
/// kMaxYamlNodes nodes.
Document parse(std::string_view text, const std::string& file);

/// parse without the fast parser: yaml-cpp reads the text, its tree is copied (a node that
/// aliases name is stored once). Throws what parse throws. For tests and the fuzzer.
Document parse_with_yaml_cpp(std::string_view text, const std::string& file);

/// Reads YAML the way YAML::Load does, without parse's limits and checks (front matter, where
/// bad YAML is a warning): the fast parser when it can, else yaml-cpp. Throws yaml-cpp's
/// YAML::Exception (YAML::DeepRecursion past 500 levels) for what yaml-cpp rejects. The
/// tree may hold a node inside itself (an alias inside the node it names).
Document load(std::string_view text);

/// The number that yaml-cpp's `as<double>()` reads in a scalar's text, if any.
std::optional<double> to_number(std::string_view text);

/// The truth value that yaml-cpp's `as<bool>()` reads in a scalar's text (true, yes, on,
/// ...), if any.
std::optional<bool> to_bool(std::string_view text);

/// What a node is, as a person would name it: "a list", "a mapping", "text" or "nothing".
std::string_view kind_name(const Node& node);

/// Throws InputError "WHAT must be a list, found text" unless `node` is of `kind`.
void expect(const Node& node, Kind kind, std::string_view what, const std::string& file);

/// Calls `visit(key, value)` for each key of a mapping in document order; a key not in
/// `allowed` ("unknown key ... (expected one of: ...)") or repeated is an InputError. An
/// InputError that `visit` throws about an empty value (`key:` alone) is moved to the key.
void for_each_key(const Node& map, std::initializer_list<std::string_view> allowed, const std::string& file,
                  const std::function<void(std::string_view, const Node&)>& visit);

/// A list of non-empty texts (a single text counts as a list of one); InputError otherwise.
std::vector<std::string> text_list(const Node& node, std::string_view what, const std::string& file);

/// A number in [min, max]; InputError ("WHAT must be a number from MIN to MAX, found ...")
/// otherwise.
double number(const Node& node, std::string_view what, double min, double max, const std::string& file);

}  // namespace raci::yaml
