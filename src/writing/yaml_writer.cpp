#include "writing/yaml_writer.h"

#include <yaml-cpp/yaml.h>

namespace raci {

namespace {

void write_duty(YAML::Emitter& out, const Duty& duty, const Model& model) {
  if (!duty.id_given && duty.raci.empty()) {
    out << YAML::DoubleQuoted << duty.text;
    return;
  }
  out << YAML::BeginMap << YAML::Key << "text" << YAML::Value << YAML::DoubleQuoted << duty.text;
  if (duty.id_given) out << YAML::Key << "id" << YAML::Value << duty.id;
  if (!duty.raci.empty()) {
    out << YAML::Key << "raci" << YAML::Value << YAML::Flow << YAML::BeginMap;
    // Role order, not input order, so equal matrices give equal files.
    for (const Role& role : model.roles) {
      for (const ExplicitCell& cell : duty.raci) {
        if (cell.role_id == role.id) out << YAML::Key << role.id << YAML::Value << cell.letters.to_string();
      }
    }
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
}

void write_duty_list(YAML::Emitter& out, const Model& model, std::size_t role, const std::string& area) {
  out << YAML::BeginSeq;
  for (const Duty& duty : model.duties) {
    if (duty.role == role && duty.area == area) write_duty(out, duty, model);
  }
  out << YAML::EndSeq;
}

}  // namespace

std::string write_yaml_matrix(const Model& model) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  out << YAML::Key << "title" << YAML::Value << model.title;
  if (!model.description.empty()) out << YAML::Key << "description" << YAML::Value << model.description;
  out << YAML::Key << "roles" << YAML::Value << YAML::BeginSeq;
  for (std::size_t r = 0; r < model.roles.size(); ++r) {
    const Role& role = model.roles[r];
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << role.id;
    out << YAML::Key << "name" << YAML::Value << role.name;
    std::vector<std::string> areas = model.areas_of(r);
    // Duties outside any area go under `duties:`, before or after the areas as they
    // came first, so that reading the file back keeps the order.
    bool loose_first = !areas.empty() && areas.front().empty();
    bool has_loose = std::find(areas.begin(), areas.end(), "") != areas.end();
    if (has_loose && loose_first) {
      out << YAML::Key << "duties" << YAML::Value;
      write_duty_list(out, model, r, "");
    }
    if (areas.size() > (has_loose ? 1u : 0u)) {
      out << YAML::Key << "areas" << YAML::Value << YAML::BeginSeq;
      for (const std::string& area : areas) {
        if (area.empty()) continue;
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << area;
        out << YAML::Key << "duties" << YAML::Value;
        write_duty_list(out, model, r, area);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    }
    if (has_loose && !loose_first) {
      out << YAML::Key << "duties" << YAML::Value;
      write_duty_list(out, model, r, "");
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  std::string text = out.c_str();
  text += '\n';
  return text;
}

}  // namespace raci
