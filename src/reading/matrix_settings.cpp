#include "reading/matrix_settings.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "reading/yaml_support.h"

namespace raci {

namespace {

// A score or share in (0, 1].
double fraction(const yaml::Node& node, std::string_view what, const std::string& file) {
  if (!node.is_scalar()) {
    throw InputError(
        yaml::location(file, node.mark()),
        fmt::format("{} must be a number above 0 and at most 1, found {}", what, yaml::kind_name(node)));
  }
  std::optional<double> value = yaml::to_number(node.scalar());
  if (!value || !(*value > 0 && *value <= 1)) {
    throw InputError(
        yaml::location(file, node.mark()),
        fmt::format("{} must be a number above 0 and at most 1, found \"{}\"", what, node.scalar()));
  }
  return *value;
}

}  // namespace

void read_thresholds(const yaml::Node& node, const std::string& file, Thresholds& thresholds) {
  if (node.is_null()) return;
  yaml::expect(node, yaml::Kind::kMap, "thresholds", file);
  yaml::Mark duplicate_mark = node.mark();
  yaml::for_each_key(
      node, {"related", "duplicate", "near_duplicate", "max_responsible", "overloaded_share"}, file,
      [&](std::string_view key, const yaml::Node& value) {
        if (key == "related") thresholds.related = fraction(value, key, file);
        if (key == "duplicate") {
          thresholds.duplicate = fraction(value, key, file);
          duplicate_mark = value.mark();
        }
        if (key == "near_duplicate") thresholds.near_duplicate = fraction(value, key, file);
        if (key == "max_responsible") {
          double count = yaml::number(value, key, 1, 1000, file);
          if (count != std::floor(count)) {
            throw InputError(
                yaml::location(file, value.mark()),
                fmt::format("max_responsible must be a whole number, found \"{}\"", value.scalar()));
          }
          thresholds.max_responsible = static_cast<int>(count);
        }
        if (key == "overloaded_share") thresholds.overloaded_share = fraction(value, key, file);
      });
  if (thresholds.related > 0 && thresholds.duplicate > 0 && thresholds.duplicate < thresholds.related) {
    throw InputError(yaml::location(file, duplicate_mark),
                     fmt::format("thresholds: duplicate ({}) must not be below related ({})",
                                 thresholds.duplicate, thresholds.related));
  }
}

std::vector<Decision> read_decisions(const yaml::Node& node, const std::string& file) {
  std::vector<Decision> decisions;
  if (node.is_null()) return decisions;
  yaml::expect(node, yaml::Kind::kSequence, "decisions", file);
  for (yaml::Node item : node) {
    yaml::expect(item, yaml::Kind::kMap, "a decision", file);
    Decision decision;
    decision.where = yaml::location(file, item.mark());
    bool separate = false;
    bool has_raci = false;
    yaml::for_each_key(
        item, {"duties", "raci", "separate", "note"}, file,
        [&](std::string_view key, const yaml::Node& value) {
          if (key == "duties") {
            decision.duties = yaml::text_list(value, "decision duties", file);
            if (decision.duties.size() != 2) {
              throw InputError(yaml::location(file, value.mark()),
                               fmt::format("a decision must name exactly two different duty ids, found {}",
                                           decision.duties.size()));
            }
            if (decision.duties[0] == decision.duties[1]) {
              throw InputError(
                  yaml::location(file, value.mark()),
                  fmt::format("a decision must name exactly two different duty ids, found \"{}\" twice",
                              decision.duties[0]));
            }
          } else if (key == "raci") {
            has_raci = true;
            yaml::expect(value, yaml::Kind::kMap, "raci", file);
            std::set<std::string, std::less<>> roles;
            for (const yaml::Entry& entry : value.entries()) {
              if (!entry.key.is_scalar()) {
                throw InputError(yaml::location(file, entry.key.mark()), "raci keys must be role ids");
              }
              std::string role(entry.key.scalar());
              if (!roles.insert(role).second) {
                throw InputError(yaml::location(file, entry.key.mark()),
                                 fmt::format("duplicate role \"{}\" in raci", role));
              }
              if (!entry.value.is_null()) {
                yaml::expect(entry.value, yaml::Kind::kScalar, fmt::format("letters for role {}", role),
                             file);
              }
              std::string letters(entry.value.scalar());
              std::optional<Letters> parsed = Letters::parse(letters);
              if (!parsed) {
                throw InputError(
                    yaml::location(file, entry.value.mark()),
                    fmt::format("invalid letters \"{}\" for role {}: expected a combination of R, A, "
                                "C and I",
                                letters, role));
              }
              decision.raci.emplace_back(role, *parsed);
            }
          } else if (key == "separate") {
            yaml::expect(value, yaml::Kind::kScalar, "separate", file);
            std::optional<bool> truth = yaml::to_bool(value.scalar());
            if (!truth)
              throw InputError(yaml::location(file, value.mark()), "separate must be true or false");
            separate = *truth;
          } else {
            yaml::expect(value, yaml::Kind::kScalar, "a note", file);
            decision.note = value.scalar();
          }
        });
    if (decision.duties.empty()) throw InputError(decision.where, "decision is missing \"duties\"");
    if (has_raci && separate) {
      throw InputError(
          decision.where,
          "a decision needs either \"raci\" (merge into one row) or \"separate: true\" (keep two rows), "
          "not both");
    }
    if (!has_raci && !separate) {
      throw InputError(
          decision.where,
          "a decision needs either \"raci\" (merge into one row) or \"separate: true\" (keep two rows)");
    }
    decision.merge = has_raci;
    decisions.push_back(std::move(decision));
  }
  return decisions;
}

void check_decisions(const Model& model) {
  if (model.decisions.empty()) return;
  std::map<std::string, std::size_t> duty_by_id;
  for (std::size_t d = 0; d < model.duties.size(); ++d) duty_by_id[model.duties[d].id] = d;
  std::map<std::pair<std::string, std::string>, int> decided;  // pair -> line of its decision
  std::map<std::string, int> merged;                           // duty -> line of the decision merging it
  for (const Decision& decision : model.decisions) {
    std::vector<std::size_t> duties;
    for (const std::string& id : decision.duties) {
      auto it = duty_by_id.find(id);
      if (it == duty_by_id.end()) {
        throw InputError(decision.where, fmt::format("unknown duty \"{}\" in decision", id));
      }
      duties.push_back(it->second);
    }
    if (model.duties[duties[0]].role == model.duties[duties[1]].role) {
      throw InputError(decision.where,
                       fmt::format("decision joins two duties of role {}: a decision is about "
                                   "duties of two roles",
                                   model.roles[model.duties[duties[0]].role].id));
    }
    auto key = std::minmax(decision.duties[0], decision.duties[1]);
    auto [first, fresh] = decided.emplace(std::make_pair(key.first, key.second), decision.where.line);
    if (!fresh) {
      throw InputError(decision.where, fmt::format("duties {} and {} are decided twice (first at line {})",
                                                   decision.duties[0], decision.duties[1], first->second));
    }
    // A merged row holds one duty of each role and takes one decision's letters, so a duty
    // merged by two decisions would leave one of them unheeded.
    if (decision.merge) {
      for (const std::string& id : decision.duties) {
        auto [earlier, once] = merged.emplace(id, decision.where.line);
        if (!once) {
          throw InputError(
              decision.where,
              fmt::format("duty {} is already merged by the decision at line {}: a duty joins one "
                          "merged row",
                          id, earlier->second));
        }
      }
    }
    for (const auto& [role, letters] : decision.raci) {
      if (!model.find_role(role)) {
        throw InputError(decision.where, fmt::format("unknown role \"{}\" in raci of decision", role));
      }
    }
  }
}

}  // namespace raci
