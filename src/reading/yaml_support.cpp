#include "reading/yaml_support.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "reading/utf8.h"

namespace raci::yaml {

std::string_view kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: return "text";
    default: return "nothing";
  }
}

SourceLocation location(const std::string& file, const YAML::Mark& mark) {
  if (mark.is_null()) return {file};
  return {file, mark.line + 1, mark.column + 1};
}

YAML::Node parse(std::string_view text, const std::string& file) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    throw InputError(location(file, e.mark), fmt::format("invalid YAML: {}", e.msg));
  }
}

void expect(const YAML::Node& node, YAML::NodeType::value type, std::string_view what,
            const std::string& file) {
  if (node.Type() == type) return;
  std::string_view wanted = type == YAML::NodeType::Map        ? "a mapping"
                            : type == YAML::NodeType::Sequence ? "a list"
                                                               : "text";
  throw InputError(location(file, node.Mark()),
                   fmt::format("{} must be {}, found {}", what, wanted, kind_name(node)));
}

void for_each_key(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                  const std::string& file,
                  const std::function<void(const std::string&, const YAML::Node&)>& visit) {
  std::set<std::string> seen;
  for (const auto& entry : map) {
    const YAML::Node& key_node = entry.first;
    if (!key_node.IsScalar()) throw InputError(location(file, key_node.Mark()), "keys must be text");
    const std::string& key = key_node.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string expected;
      for (std::string_view name : allowed)
        expected += fmt::format("{}{}", expected.empty() ? "" : ", ", name);
      throw InputError(location(file, key_node.Mark()),
                       fmt::format("unknown key \"{}\" (expected one of: {})", key, expected));
    }
    if (!seen.insert(key).second) {
      throw InputError(location(file, key_node.Mark()), fmt::format("duplicate key \"{}\"", key));
    }
    try {
      visit(key, entry.second);
    } catch (const InputError& e) {
      // yaml-cpp marks an empty value (`key:` and nothing after it) at the token after it,
      // often on a later line; the key is where a person looks for it.
      SourceLocation empty_value = location(file, entry.second.Mark());
      if (!entry.second.IsNull() || e.where().line != empty_value.line ||
          e.where().column != empty_value.column) {
        throw;
      }
      throw InputError(location(file, key_node.Mark()), e.what());
    }
  }
}

std::vector<std::string> text_list(const YAML::Node& node, std::string_view what, const std::string& file) {
  std::vector<std::string> out;
  auto add = [&](const YAML::Node& item) {
    expect(item, YAML::NodeType::Scalar, what, file);
    std::string text = utf8::normalize_space(item.Scalar());
    if (text.empty()) throw InputError(location(file, item.Mark()), fmt::format("empty text in {}", what));
    out.push_back(std::move(text));
  };
  if (node.IsScalar()) {
    add(node);
  } else if (!node.IsNull()) {
    expect(node, YAML::NodeType::Sequence, what, file);
    for (const YAML::Node& item : node) add(item);
  }
  return out;
}

double number(const YAML::Node& node, std::string_view what, double min, double max,
              const std::string& file) {
  if (!node.IsScalar()) {
    throw InputError(location(file, node.Mark()), fmt::format("{} must be a number from {} to {}, found {}",
                                                              what, min, max, kind_name(node)));
  }
  double value = 0;
  if (!YAML::convert<double>::decode(node, value) || !(value >= min && value <= max)) {
    throw InputError(
        location(file, node.Mark()),
        fmt::format("{} must be a number from {} to {}, found \"{}\"", what, min, max, node.Scalar()));
  }
  return value;
}

}  // namespace raci::yaml
