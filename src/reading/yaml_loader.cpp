#include "reading/yaml_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "reading/finish.h"
#include "reading/identifiers.h"
#include "reading/lexicon_loader.h"
#include "reading/matrix_settings.h"
#include "reading/policy_loader.h"
#include "reading/text_repair.h"
#include "reading/utf8.h"
#include "reading/yaml_support.h"

namespace raci {

namespace {

class MatrixReader {
 public:
  MatrixReader(std::string_view text, const std::string& file) : text_(text), file_(file) {
    model_.source_file = file;
  }

  Model read() {
    yaml::Document document = yaml::parse(text_, file_);
    yaml::Node root = document.root();
    if (root.is_null()) throw InputError({file_, 1, 1}, "empty matrix: expected a mapping with \"roles\"");
    expect(root, yaml::Kind::kMap, "the matrix");
    for_each_key(root, {"version", "title", "description", "roles", "thresholds", "policy", "lexicon", "decisions"},
                 [&](std::string_view key, const yaml::Node& value) {
                   if (key == "version") check_version(value);
                   // `title:` with nothing after it is the same as no title.
                   if (key == "title" && !value.is_null()) model_.title = text_of(value, "title");
                   if (key == "description" && !value.is_null())
                     model_.description = text_of(value, "description");
                   if (key == "roles") read_roles(value);
                   if (key == "thresholds") read_thresholds(value, file_, model_.thresholds);
                   if (key == "policy") model_.policy = read_policy(value, file_);
                   if (key == "lexicon") model_.lexicon = read_lexicon(value, file_);
                   if (key == "decisions") model_.decisions = read_decisions(value, file_);
                 });
    if (!root.find("roles")) throw InputError(location(root), "missing key \"roles\"");
    check_explicit_roles();
    if (model_.title.empty()) model_.title = std::filesystem::path(file_).stem().string();
    finish_model(model_);
    check_decisions(model_);
    return std::move(model_);
  }

 private:
  SourceLocation location(const yaml::Mark& mark) const {
    if (mark.is_null()) return {file_};
    return {file_, mark.line + 1, mark.column + 1};
  }

  // Where a node is. yaml-cpp marks an empty value (`- ` or `key:` with nothing after it)
  // at the token that follows it, often on a later line, so for those the location is the
  // `-` or `:` that introduced the value instead.
  SourceLocation location(const yaml::Node& node) const {
    const yaml::Mark& mark = node.mark();
    if (!node.is_null() || mark.is_null() || mark.pos < 0) return location(mark);
    std::size_t end = std::min(static_cast<std::size_t>(mark.pos), text_.size());
    std::string_view rest = text_.substr(end);
    for (std::string_view spelled : {"~", "null", "Null", "NULL"}) {
      if (rest.starts_with(spelled)) return location(mark);  // an explicit null is where it is
    }
    while (end > 0) {
      std::size_t line_start = text_.rfind('\n', end - 1);
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      std::string_view line = text_.substr(line_start, end - line_start);
      // A comment starts at a `#` at the line start or after white space; quotes do not
      // matter here, since the rest of the line is before an empty value.
      for (std::size_t hash = line.find('#'); hash != std::string_view::npos;
           hash = line.find('#', hash + 1)) {
        if (hash == 0 || line[hash - 1] == ' ' || line[hash - 1] == '\t') {
          line = line.substr(0, hash);
          break;
        }
      }
      std::size_t last = line.find_last_not_of(" \t\r\n");
      if (last != std::string_view::npos) {
        std::size_t pos = line_start + last;
        int line_number = static_cast<int>(std::count(text_.begin(), text_.begin() + pos, '\n')) + 1;
        return {file_, line_number, static_cast<int>(last) + 1};
      }
      end = line_start == 0 ? 0 : line_start - 1;
    }
    return location(mark);
  }

  void expect(const yaml::Node& node, yaml::Kind kind, std::string_view what) {
    if (node.kind() == kind) return;
    std::string_view wanted = kind == yaml::Kind::kMap        ? "a mapping"
                              : kind == yaml::Kind::kSequence ? "a list"
                                                              : "text";
    throw InputError(location(node),
                     fmt::format("{} must be {}, found {}", what, wanted, yaml::kind_name(node)));
  }

  // yaml-cpp 0.7 ends a quoted scalar that is never closed at the end of the file without
  // complaint, so `name: "Engineering Manager` would swallow the rest of the matrix.
  void expect_closed_quote(const yaml::Node& node) const {
    const yaml::Mark& mark = node.mark();
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) return;
    std::size_t start = static_cast<std::size_t>(mark.pos);
    char quote = text_[start];
    if (quote != '"' && quote != '\'') return;
    for (std::size_t i = start + 1; i < text_.size(); ++i) {
      if (quote == '"' && text_[i] == '\\') {
        ++i;  // an escaped character, possibly a quote
      } else if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;  // '' is a quote inside single quotes
        } else {
          return;
        }
      }
    }
    throw InputError(location(mark), "invalid YAML: end of quoted text not found");
  }

  // `version: 1`, the schema this reader knows; optional.
  void check_version(const yaml::Node& node) {
    if (!node.is_scalar() || node.scalar() != "1") {
      throw InputError(location(node), fmt::format("unsupported schema version {}: raci reads version 1",
                                                   node.is_scalar() ? fmt::format("\"{}\"", node.scalar())
                                                                    : std::string(yaml::kind_name(node))));
    }
  }

  std::string text_of(const yaml::Node& node, std::string_view what) {
    expect(node, yaml::Kind::kScalar, what);
    expect_closed_quote(node);
    std::string text = utf8::normalize_space(node.scalar());
    if (std::optional<std::string> fixed = repair_mojibake(text)) {
      auto [before, after] = changed_words(text, *fixed);
      model_.findings.push_back(
          {Severity::kWarning, "repaired-mojibake", location(node),
           fmt::format("repaired text decoded as Windows-1252: \"{}\" -> \"{}\"", before, after)});
      text = std::move(*fixed);
    }
    return text;
  }

  // Calls `visit` for each key of a mapping in document order; unknown and repeated keys
  // are errors.
  template <typename Visit>
  void for_each_key(const yaml::Node& map, std::initializer_list<std::string_view> allowed, Visit visit) {
    std::set<std::string, std::less<>> seen;
    for (const yaml::Entry& entry : map.entries()) {
      const yaml::Node& key_node = entry.key;
      if (!key_node.is_scalar()) throw InputError(location(key_node), "keys must be text");
      std::string_view key = key_node.scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string expected;
        for (std::string_view name : allowed) {
          expected += fmt::format("{}{}", expected.empty() ? "" : ", ", name);
        }
        throw InputError(location(key_node),
                         fmt::format("unknown key \"{}\" (expected one of: {})", key, expected));
      }
      if (!seen.emplace(key).second)
        throw InputError(location(key_node), fmt::format("duplicate key \"{}\"", key));
      visit(key, entry.value);
    }
  }

  void read_roles(const yaml::Node& roles) {
    if (!roles.is_null()) expect(roles, yaml::Kind::kSequence, "roles");
    if (roles.size() == 0) throw InputError(location(roles), "roles must list at least one role");
    for (yaml::Node role : roles) read_role(role);
  }

  void read_role(const yaml::Node& node) {
    expect(node, yaml::Kind::kMap, "a role");
    Role role;
    role.source = location(node);
    model_.roles.push_back(role);
    std::size_t index = model_.roles.size() - 1;
    bool has_id = false;
    bool has_name = false;
    for_each_key(node, {"id", "name", "areas", "duties"}, [&](std::string_view key, const yaml::Node& value) {
      if (key == "id") {
        has_id = true;
        std::string id = text_of(value, "a role id");
        if (!is_valid_role_id(id)) {
          throw InputError(
              location(value),
              fmt::format(
                  "invalid role id \"{}\": expected a letter, then up to 15 letters, digits, '_' or '-'",
                  id));
        }
        if (auto first = role_id_lines_.find(id); first != role_id_lines_.end()) {
          throw InputError(location(value),
                           fmt::format("duplicate role id \"{}\" (first at line {})", id, first->second));
        }
        role_id_lines_[id] = value.mark().line + 1;
        model_.roles[index].id = id;
      } else if (key == "name") {
        has_name = true;
        std::string name = text_of(value, "a role name");
        if (name.empty()) throw InputError(location(value), "empty role name");
        if (auto first = role_name_lines_.find(name); first != role_name_lines_.end()) {
          throw InputError(location(value),
                           fmt::format("duplicate role name \"{}\" (first at line {})", name, first->second));
        }
        role_name_lines_[name] = value.mark().line + 1;
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

  void read_areas(const yaml::Node& areas, std::size_t role) {
    if (areas.is_null()) return;
    expect(areas, yaml::Kind::kSequence, "areas");
    for (yaml::Node area : areas) {
      expect(area, yaml::Kind::kMap, "an area");
      std::optional<std::string> name;
      for_each_key(area, {"name", "duties"}, [&](std::string_view key, const yaml::Node& value) {
        if (key == "name") {
          name = text_of(value, "an area name");
          if (name->empty()) throw InputError(location(value), "empty area name");
        } else if (!name) {
          // Duties before the name: read them once the name is known.
          pending_area_duties_ = value;
        } else {
          read_duties(value, role, *name);
        }
      });
      if (!name) throw InputError(location(area), "area is missing \"name\"");
      if (pending_area_duties_) {
        read_duties(*pending_area_duties_, role, *name);
        pending_area_duties_.reset();
      }
    }
  }

  void read_duties(const yaml::Node& duties, std::size_t role, const std::string& area) {
    if (duties.is_null()) return;
    expect(duties, yaml::Kind::kSequence, "duties");
    for (yaml::Node node : duties) {
      Duty duty;
      duty.role = role;
      duty.area = area;
      duty.source = location(node);
      if (node.is_map()) {
        read_long_duty(node, duty);
      } else if (node.is_scalar()) {
        duty.text = text_of(node, "a duty");
      } else if (!node.is_null()) {
        expect(node, yaml::Kind::kScalar, "a duty");
      }
      if (duty.text.empty()) throw InputError(duty.source, "empty duty: expected its text");
      model_.duties.push_back(std::move(duty));
    }
  }

  void read_long_duty(const yaml::Node& node, Duty& duty) {
    bool has_text = false;
    for_each_key(node, {"text", "id", "raci"}, [&](std::string_view key, const yaml::Node& value) {
      if (key == "text") {
        has_text = true;
        duty.text = text_of(value, "duty text");
      } else if (key == "id") {
        std::string id = text_of(value, "a duty id");
        if (!is_valid_duty_id(id)) {
          throw InputError(
              location(value),
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

  void read_raci(const yaml::Node& raci, Duty& duty) {
    expect(raci, yaml::Kind::kMap, "raci");
    std::set<std::string, std::less<>> seen;
    for (const yaml::Entry& entry : raci.entries()) {
      const yaml::Node& role = entry.key;
      const yaml::Node& letters = entry.value;
      if (!role.is_scalar()) throw InputError(location(role), "raci keys must be role ids");
      if (!seen.emplace(role.scalar()).second) {
        throw InputError(location(role), fmt::format("duplicate role \"{}\" in raci", role.scalar()));
      }
      std::string text = letters.is_null() ? std::string() : text_of(letters, "letters");
      std::optional<Letters> parsed = Letters::parse(text);
      if (!parsed) {
        throw InputError(
            location(letters),
            fmt::format("invalid letters \"{}\" for role {}: expected a combination of R, A, C and I", text,
                        role.scalar()));
      }
      duty.raci.push_back({std::string(role.scalar()), *parsed});
      raci_roles_.push_back({std::string(role.scalar()), location(role), duty.source.line});
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
  std::optional<yaml::Node> pending_area_duties_;
};

}  // namespace

Model load_yaml(std::string_view text, const std::string& file) { return MatrixReader(text, file).read(); }

}  // namespace raci
