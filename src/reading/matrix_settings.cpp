#include "reading/matrix_settings.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "reading/yaml_support.h"

namespace raci {

void read_thresholds(const YAML::Node& node, const std::string& file, Thresholds& thresholds) {
  yaml::expect(node, YAML::NodeType::Map, "thresholds", file);
  yaml::for_each_key(node, {"related", "duplicate", "near_duplicate", "max_responsible", "overloaded_share"}, file,
                     [&](const std::string& key, const YAML::Node& value) {
                       if (key == "related") thresholds.related = yaml::number(value, key, 0.001, 1, file);
                       if (key == "duplicate") thresholds.duplicate = yaml::number(value, key, 0.001, 1, file);
                       if (key == "near_duplicate") {
                         thresholds.near_duplicate = yaml::number(value, key, 0.001, 1, file);
                       }
                       if (key == "max_responsible") {
                         double count = yaml::number(value, key, 1, 1000, file);
                         if (count != static_cast<int>(count)) {
                           throw InputError(yaml::location(file, value.Mark()),
                                            "max_responsible must be a whole number");
                         }
                         thresholds.max_responsible = static_cast<int>(count);
                       }
                       if (key == "overloaded_share") {
                         thresholds.overloaded_share = yaml::number(value, key, 0.001, 1, file);
                       }
                     });
  if (thresholds.related > 0 && thresholds.duplicate > 0 && thresholds.duplicate < thresholds.related) {
    throw InputError(yaml::location(file, node.Mark()),
                     fmt::format("thresholds: duplicate ({}) must not be below related ({})", thresholds.duplicate,
                                 thresholds.related));
  }
}

std::vector<Decision> read_decisions(const YAML::Node& node, const std::string& file) {
  std::vector<Decision> decisions;
  if (node.IsNull()) return decisions;
  yaml::expect(node, YAML::NodeType::Sequence, "decisions", file);
  for (const YAML::Node& item : node) {
    yaml::expect(item, YAML::NodeType::Map, "a decision", file);
    Decision decision;
    decision.where = yaml::location(file, item.Mark());
    bool separate = false;
    bool has_raci = false;
    yaml::for_each_key(item, {"duties", "raci", "separate", "note"}, file,
                       [&](const std::string& key, const YAML::Node& value) {
                         if (key == "duties") {
                           decision.duties = yaml::text_list(value, "decision duties", file);
                           if (decision.duties.size() != 2 || decision.duties[0] == decision.duties[1]) {
                             throw InputError(yaml::location(file, value.Mark()),
                                              "a decision names exactly two different duty ids");
                           }
                         } else if (key == "raci") {
                           has_raci = true;
                           yaml::expect(value, YAML::NodeType::Map, "raci", file);
                           for (const auto& entry : value) {
                             std::string letters = entry.second.IsNull() ? "" : entry.second.Scalar();
                             std::optional<Letters> parsed = Letters::parse(letters);
                             if (!entry.second.IsNull() && !entry.second.IsScalar()) parsed.reset();
                             if (!parsed) {
                               throw InputError(yaml::location(file, entry.second.Mark()),
                                                fmt::format("invalid letters \"{}\" for role {}: expected a "
                                                            "combination of R, A, C and I",
                                                            letters, entry.first.Scalar()));
                             }
                             decision.raci.emplace_back(entry.first.Scalar(), *parsed);
                           }
                         } else if (key == "separate") {
                           yaml::expect(value, YAML::NodeType::Scalar, "separate", file);
                           if (!YAML::convert<bool>::decode(value, separate)) {
                             throw InputError(yaml::location(file, value.Mark()), "separate must be true or false");
                           }
                         } else {
                           yaml::expect(value, YAML::NodeType::Scalar, "a note", file);
                           decision.note = value.Scalar();
                         }
                       });
    if (decision.duties.empty()) throw InputError(decision.where, "decision is missing \"duties\"");
    if (has_raci == separate) {
      throw InputError(decision.where,
                       "a decision needs either \"raci\" (merge into one row) or \"separate: true\" (keep two rows)");
    }
    decision.merge = has_raci;
    decisions.push_back(std::move(decision));
  }
  return decisions;
}

void check_decisions(const Model& model) {
  std::map<std::string, std::size_t> duty_by_id;
  for (std::size_t d = 0; d < model.duties.size(); ++d) duty_by_id[model.duties[d].id] = d;
  std::set<std::pair<std::string, std::string>> decided;
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
      throw InputError(decision.where, fmt::format("decision joins two duties of role {}: a decision is about "
                                                   "duties of two roles",
                                                   model.roles[model.duties[duties[0]].role].id));
    }
    auto key = std::minmax(decision.duties[0], decision.duties[1]);
    if (!decided.insert({key.first, key.second}).second) {
      throw InputError(decision.where,
                       fmt::format("duties {} and {} are decided twice", decision.duties[0], decision.duties[1]));
    }
    for (const auto& [role, letters] : decision.raci) {
      if (!model.find_role(role)) {
        throw InputError(decision.where, fmt::format("unknown role \"{}\" in raci of decision", role));
      }
    }
  }
}

}  // namespace raci
