#include "writing/yaml_writer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace raci {

namespace {

// yaml-cpp writes `yes`, `off`, `1.5` or `-1` unquoted, which YAML 1.1 readers such as
// PyYAML take for a boolean or a number; quoting them keeps every name and id text for
// every client, not only for our reader.
bool reads_as_non_text(std::string_view text) {
  if (text.empty()) return false;
  constexpr std::array<std::string_view, 10> kWords = {"y",   "n",    "yes",   "no",   "on",
                                                       "off", "true", "false", "null", "~"};
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (std::find(kWords.begin(), kWords.end(), lower) != kWords.end()) return true;
  char first = text.front();
  return std::isdigit(static_cast<unsigned char>(first)) || first == '+' || first == '-' || first == '.';
}

// A name, id or title: plain when every YAML reader takes it for text, quoted otherwise.
void write_text(YAML::Emitter& out, const std::string& text) {
  if (reads_as_non_text(text)) out << YAML::DoubleQuoted;
  out << text;
}

void write_duty(YAML::Emitter& out, const Duty& duty, const Model& model) {
  if (!duty.id_given && duty.raci.empty()) {
    out << YAML::DoubleQuoted << duty.text;
    return;
  }
  out << YAML::BeginMap << YAML::Key << "text" << YAML::Value << YAML::DoubleQuoted << duty.text;
  if (duty.id_given) {
    out << YAML::Key << "id" << YAML::Value;
    write_text(out, duty.id);
  }
  if (!duty.raci.empty()) {
    out << YAML::Key << "raci" << YAML::Value << YAML::Flow << YAML::BeginMap;
    // Role order, not input order, so equal matrices give equal files.
    for (const Role& role : model.roles) {
      for (const ExplicitCell& cell : duty.raci) {
        if (cell.role_id != role.id) continue;
        out << YAML::Key;
        write_text(out, role.id);
        out << YAML::Value << cell.letters.to_string();
      }
    }
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
}

// The duties of one role in `area`, in model order; `duties` are the role's.
void write_duty_list(YAML::Emitter& out, const Model& model, const std::vector<const Duty*>& duties,
                     const std::string& area) {
  out << YAML::BeginSeq;
  for (const Duty* duty : duties) {
    if (duty->area == area) write_duty(out, *duty, model);
  }
  out << YAML::EndSeq;
}

void write_text_list(YAML::Emitter& out, const std::vector<std::string>& items) {
  out << YAML::Flow << YAML::BeginSeq;
  for (const std::string& item : items) write_text(out, item);
  out << YAML::EndSeq;
}

void write_policy(YAML::Emitter& out, const Policy& policy) {
  out << YAML::Key << "policy" << YAML::Value << YAML::BeginMap << YAML::Key << "themes" << YAML::Value
      << YAML::BeginSeq;
  for (const PolicyTheme& theme : policy.themes) {
    out << YAML::BeginMap << YAML::Key << "name" << YAML::Value;
    write_text(out, theme.name);
    for (const auto& [key, list] : {std::pair<const char*, const std::vector<std::string>*>{"terms", &theme.terms},
                                    {"accountable", &theme.accountable},
                                    {"consulted", &theme.consulted},
                                    {"informed", &theme.informed}}) {
      if (list->empty()) continue;
      out << YAML::Key << key << YAML::Value;
      write_text_list(out, *list);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
}

void write_lexicon(YAML::Emitter& out, const Lexicon& lexicon) {
  out << YAML::Key << "lexicon" << YAML::Value << YAML::BeginMap;
  if (!lexicon.synonyms.empty()) {
    out << YAML::Key << "synonyms" << YAML::Value << YAML::BeginSeq;
    for (const std::vector<std::string>& group : lexicon.synonyms) write_text_list(out, group);
    out << YAML::EndSeq;
  }
  for (const auto& [key, list] : {std::pair<const char*, const std::vector<std::string>*>{"phrases", &lexicon.phrases},
                                  {"stop_words", &lexicon.stop_words},
                                  {"weak_words", &lexicon.weak_words}}) {
    if (list->empty()) continue;
    out << YAML::Key << key << YAML::Value;
    write_text_list(out, *list);
  }
  out << YAML::EndMap;
}

void write_thresholds(YAML::Emitter& out, const Thresholds& thresholds) {
  const Thresholds defaults;
  std::vector<std::pair<const char*, double>> set;
  if (thresholds.related > 0) set.emplace_back("related", thresholds.related);
  if (thresholds.duplicate > 0) set.emplace_back("duplicate", thresholds.duplicate);
  if (thresholds.near_duplicate > 0) set.emplace_back("near_duplicate", thresholds.near_duplicate);
  if (thresholds.max_responsible != defaults.max_responsible) {
    set.emplace_back("max_responsible", thresholds.max_responsible);
  }
  if (thresholds.overloaded_share != defaults.overloaded_share) {
    set.emplace_back("overloaded_share", thresholds.overloaded_share);
  }
  if (set.empty()) return;
  out << YAML::Key << "thresholds" << YAML::Value << YAML::BeginMap;
  // The shortest text that reads back as the same number: 0.3, not 0.29999999999999999.
  for (const auto& [key, value] : set) out << YAML::Key << key << YAML::Value << fmt::format("{}", value);
  out << YAML::EndMap;
}

void write_decisions(YAML::Emitter& out, const Model& model) {
  out << YAML::Key << "decisions" << YAML::Value << YAML::BeginSeq;
  for (const Decision& decision : model.decisions) {
    out << YAML::BeginMap << YAML::Key << "duties" << YAML::Value;
    write_text_list(out, decision.duties);
    if (decision.merge) {
      out << YAML::Key << "raci" << YAML::Value << YAML::Flow << YAML::BeginMap;
      for (const auto& [role, letters] : decision.raci) {
        out << YAML::Key;
        write_text(out, role);
        out << YAML::Value << letters.to_string();
      }
      out << YAML::EndMap;
    } else {
      out << YAML::Key << "separate" << YAML::Value << true;
    }
    if (!decision.note.empty()) out << YAML::Key << "note" << YAML::Value << YAML::DoubleQuoted << decision.note;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

// What a matrix holds beside its roles, so converting a matrix keeps its settings and the
// workshop's decisions.
void write_settings(YAML::Emitter& out, const Model& model) {
  write_thresholds(out, model.thresholds);
  if (model.policy) write_policy(out, *model.policy);
  if (model.lexicon) write_lexicon(out, *model.lexicon);
  if (!model.decisions.empty()) write_decisions(out, model);
}

}  // namespace

std::string write_yaml_matrix(const Model& model) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  out << YAML::Key << "title" << YAML::Value;
  write_text(out, model.title);
  if (!model.description.empty()) {
    out << YAML::Key << "description" << YAML::Value;
    write_text(out, model.description);
  }
  out << YAML::Key << "roles" << YAML::Value << YAML::BeginSeq;
  // Each role's duties and areas, found in one pass over the duties.
  std::vector<std::vector<const Duty*>> duties_of(model.roles.size());
  for (const Duty& duty : model.duties) duties_of[duty.role].push_back(&duty);
  const std::vector<std::vector<std::string>> areas_of = model.areas_by_role();
  for (std::size_t r = 0; r < model.roles.size(); ++r) {
    const Role& role = model.roles[r];
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value;
    write_text(out, role.id);
    out << YAML::Key << "name" << YAML::Value;
    write_text(out, role.name);
    const std::vector<std::string>& areas = areas_of[r];
    // Duties outside any area go under `duties:`, before or after the areas as they
    // came first, so that reading the file back keeps the order.
    bool loose_first = !areas.empty() && areas.front().empty();
    bool has_loose = std::find(areas.begin(), areas.end(), "") != areas.end();
    if (has_loose && loose_first) {
      out << YAML::Key << "duties" << YAML::Value;
      write_duty_list(out, model, duties_of[r], "");
    }
    if (areas.size() > (has_loose ? 1u : 0u)) {
      out << YAML::Key << "areas" << YAML::Value << YAML::BeginSeq;
      for (const std::string& area : areas) {
        if (area.empty()) continue;
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value;
        write_text(out, area);
        out << YAML::Key << "duties" << YAML::Value;
        write_duty_list(out, model, duties_of[r], area);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    }
    if (has_loose && !loose_first) {
      out << YAML::Key << "duties" << YAML::Value;
      write_duty_list(out, model, duties_of[r], "");
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  write_settings(out, model);
  out << YAML::EndMap;
  std::string text = out.c_str();
  text += '\n';
  return text;
}

}  // namespace raci
