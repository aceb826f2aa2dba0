#include "reading/yaml_loader.h"

#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "reading/finish.h"
#include "reading/identifiers.h"
#include "reading/text_repair.h"
#include "reading/utf8.h"

namespace raci {

namespace {

// Node kinds as a person would name them, for "expected a list, found text".
std::string_view kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: return "text";
    default: return "nothing";
  }
}

class MatrixReader {
 public:
  MatrixReader(std::string_view text, const std::string& file) : text_(text), file_(file) {
    model_.source_file = file;
  }

  Model read() {
    YAML::Node root;
    try {
      root = YAML::Load(std::string(text_));
    } catch (const YAML::ParserException& e) {
      throw InputError(location(e.mark), fmt::format("invalid YAML: {}", e.msg));
    }
    if (!root.IsDefined() || root.IsNull())
      throw InputError({file_, 1}, "empty matrix: expected a mapping with \"roles\"");
    expect(root, YAML::NodeType::Map, "the matrix");
    for_each_key(root, {"title", "description", "roles"},
                 [&](const std::string& key, const YAML::Node& value) {
                   if (key == "title") model_.title = text_of(value, "title");
                   if (key == "description") model_.description = text_of(value, "description");
                   if (key == "roles") read_roles(value);
                 });
    if (!root["roles"]) throw InputError(location(root.Mark()), "missing key \"roles\"");
    check_explicit_roles();
    if (model_.title.empty()) model_.title = std::filesystem::path(file_).stem().string();
    finish_model(model_);
    return std::move(model_);
  }

 private:
  SourceLocation location(const YAML::Mark& mark) const {
    if (mark.is_null()) return {file_};
    return {file_, mark.line + 1, mark.column + 1};
  }

  void expect(const YAML::Node& node, YAML::NodeType::value type, std::string_view what) {
    if (node.Type() == type) return;
    std::string_view wanted = type == YAML::NodeType::Map        ? "a mapping"
                              : type == YAML::NodeType::Sequence ? "a list"
                                                                 : "text";
    throw InputError(location(node.Mark()),
                     fmt::format("{} must be {}, found {}", what, wanted, kind_name(node)));
  }

  std::string text_of(const YAML::Node& node, std::string_view what) {
    expect(node, YAML::NodeType::Scalar, what);
    std::string text = utf8::normalize_space(node.Scalar());
    if (std::optional<std::string> fixed = repair_mojibake(text)) {
      auto [before, after] = changed_words(text, *fixed);
      model_.findings.push_back(
          {Severity::kWarning, "repaired-mojibake", location(node.Mark()),
           fmt::format("repaired text decoded as Windows-1252: \"{}\" -> \"{}\"", before, after)});
      text = std::move(*fixed);
    }
    return text;
  }

  // Calls `visit` for each key of a mapping in document order; unknown and repeated keys
  // are errors.
  template <typename Visit>
  void for_each_key(const YAML::Node& map, std::initializer_list<std::string_view> allowed, Visit visit) {
    std::set<std::string> seen;
    for (const auto& entry : map) {
      const YAML::Node& key_node = entry.first;
      if (!key_node.IsScalar()) throw InputError(location(key_node.Mark()), "keys must be text");
      const std::string& key = key_node.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string expected;
        for (std::string_view name : allowed) {
          expected += fmt::format("{}{}", expected.empty() ? "" : ", ", name);
        }
        throw InputError(location(key_node.Mark()),
                         fmt::format("unknown key \"{}\" (expected one of: {})", key, expected));
      }
      if (!seen.insert(key).second)
        throw InputError(location(key_node.Mark()), fmt::format("duplicate key \"{}\"", key));
      visit(key, entry.second);
    }
  }

  void read_roles(const YAML::Node& roles) {
    expect(roles, YAML::NodeType::Sequence, "roles");
    if (roles.size() == 0) throw InputError(location(roles.Mark()), "roles must list at least one role");
    for (const YAML::Node& role : roles) read_role(role);
  }

  void read_role(const YAML::Node& node) {
    expect(node, YAML::NodeType::Map, "a role");
    Role role;
    role.source = location(node.Mark());
    model_.roles.push_back(role);
    std::size_t index = model_.roles.size() - 1;
    bool has_id = false;
    bool has_name = false;
    for_each_key(
        node, {"id", "name", "areas", "duties"}, [&](const std::string& key, const YAML::Node& value) {
          if (key == "id") {
            has_id = true;
            std::string id = text_of(value, "a role id");
            if (!is_valid_role_id(id)) {
              throw InputError(
                  location(value.Mark()),
                  fmt::format(
                      "invalid role id \"{}\": expected a letter, then up to 15 letters, digits, '_' or '-'",
                      id));
            }
            if (auto first = role_id_lines_.find(id); first != role_id_lines_.end()) {
              throw InputError(location(value.Mark()),
                               fmt::format("duplicate role id \"{}\" (first at line {})", id, first->second));
            }
            role_id_lines_[id] = value.Mark().line + 1;
            model_.roles[index].id = id;
          } else if (key == "name") {
            has_name = true;
            std::string name = text_of(value, "a role name");
            if (name.empty()) throw InputError(location(value.Mark()), "empty role name");
            if (auto first = role_name_lines_.find(name); first != role_name_lines_.end()) {
              throw InputError(
                  location(value.Mark()),
                  fmt::format("duplicate role name \"{}\" (first at line {})", name, first->second));
            }
            role_name_lines_[name] = value.Mark().line + 1;
            model_.roles[index].name = name;
          } else if (key == "areas") {
            read_areas(value, index);
          } else {
            read_duties(value, index, "");
          }
        });
    if (!has_id) throw InputError(role.source, "role is missing \"id\"");
    if (!has_name) throw InputError(role.source, "role is missing \"name\"");
  }

  void read_areas(const YAML::Node& areas, std::size_t role) {
    if (areas.IsNull()) return;
    expect(areas, YAML::NodeType::Sequence, "areas");
    for (const YAML::Node& area : areas) {
      expect(area, YAML::NodeType::Map, "an area");
      std::optional<std::string> name;
      for_each_key(area, {"name", "duties"}, [&](const std::string& key, const YAML::Node& value) {
        if (key == "name") {
          name = text_of(value, "an area name");
          if (name->empty()) throw InputError(location(value.Mark()), "empty area name");
        } else if (!name) {
          // Duties before the name: read them once the name is known.
          pending_area_duties_ = value;
        } else {
          read_duties(value, role, *name);
        }
      });
      if (!name) throw InputError(location(area.Mark()), "area is missing \"name\"");
      if (pending_area_duties_) {
        read_duties(*pending_area_duties_, role, *name);
        pending_area_duties_.reset();
      }
    }
  }

  void read_duties(const YAML::Node& duties, std::size_t role, const std::string& area) {
    if (duties.IsNull()) return;
    expect(duties, YAML::NodeType::Sequence, "duties");
    for (const YAML::Node& node : duties) {
      Duty duty;
      duty.role = role;
      duty.area = area;
      duty.source = location(node.Mark());
      if (node.IsMap()) {
        read_long_duty(node, duty);
      } else if (node.IsScalar()) {
        duty.text = text_of(node, "a duty");
      } else if (!node.IsNull()) {
        expect(node, YAML::NodeType::Scalar, "a duty");
      }
      if (duty.text.empty()) throw InputError(duty.source, "empty duty: expected its text");
      model_.duties.push_back(std::move(duty));
    }
  }

  void read_long_duty(const YAML::Node& node, Duty& duty) {
    bool has_text = false;
    for_each_key(node, {"text", "id", "raci"}, [&](const std::string& key, const YAML::Node& value) {
      if (key == "text") {
        has_text = true;
        duty.text = text_of(value, "duty text");
      } else if (key == "id") {
        std::string id = text_of(value, "a duty id");
        if (!is_valid_duty_id(id)) {
          throw InputError(
              location(value.Mark()),
              fmt::format("invalid duty id \"{}\": expected 1 to 64 letters, digits, '.', '_' or '-'", id));
        }
        duty.id = id;
        duty.id_given = true;
      } else {
        read_raci(value, duty);
      }
    });
    if (!has_text) throw InputError(duty.source, "duty is missing \"text\"");
  }

  void read_raci(const YAML::Node& raci, Duty& duty) {
    expect(raci, YAML::NodeType::Map, "raci");
    std::set<std::string> seen;
    for (const auto& entry : raci) {
      const YAML::Node& role = entry.first;
      const YAML::Node& letters = entry.second;
      if (!role.IsScalar()) throw InputError(location(role.Mark()), "raci keys must be role ids");
      if (!seen.insert(role.Scalar()).second) {
        throw InputError(location(role.Mark()), fmt::format("duplicate role \"{}\" in raci", role.Scalar()));
      }
      std::string text = letters.IsNull() ? std::string() : text_of(letters, "letters");
      std::optional<Letters> parsed = Letters::parse(text);
      if (!parsed) {
        throw InputError(
            location(letters.Mark()),
            fmt::format("invalid letters \"{}\" for role {}: expected a combination of R, A, C and I", text,
                        role.Scalar()));
      }
      duty.raci.push_back({role.Scalar(), *parsed});
      raci_roles_.push_back({role.Scalar(), location(role.Mark()), duty.source.line});
    }
  }

  // Roles named in `raci` may be defined after the duty, so they are checked at the end.
  void check_explicit_roles() {
    for (const auto& [id, where, duty_line] : raci_roles_) {
      if (!model_.find_role(id)) {
        throw InputError(where, fmt::format("unknown role \"{}\" in raci of duty at line {}", id, duty_line));
      }
    }
  }

  struct RaciRole {
    std::string id;
    SourceLocation where;
    int duty_line;
  };

  std::string_view text_;
  std::string file_;
  Model model_;
  std::map<std::string, int> role_id_lines_;
  std::map<std::string, int> role_name_lines_;
  std::vector<RaciRole> raci_roles_;
  std::optional<YAML::Node> pending_area_duties_;
};

}  // namespace

Model load_yaml(std::string_view text, const std::string& file) { return MatrixReader(text, file).read(); }

}  // namespace raci
