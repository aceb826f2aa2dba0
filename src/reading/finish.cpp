#include "reading/finish.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "reading/identifiers.h"

namespace raci {

namespace {

void group_by_area(Model& model) {
  // Rank of each (role, area) by first appearance.
  std::map<std::pair<std::size_t, std::string>, std::size_t> rank;
  for (const Duty& duty : model.duties) rank.emplace(std::pair(duty.role, duty.area), rank.size());
  std::stable_sort(model.duties.begin(), model.duties.end(), [&](const Duty& a, const Duty& b) {
    if (a.role != b.role) return a.role < b.role;
    return rank.at({a.role, a.area}) < rank.at({b.role, b.area});
  });
}

void assign_duty_ids(Model& model) {
  UniqueIds ids("-");
  std::map<std::string, const Duty*> given;
  for (const Duty& duty : model.duties) {
    if (!duty.id_given) continue;
    auto [it, fresh] = given.emplace(duty.id, &duty);
    if (!fresh) {
      throw InputError(duty.source, fmt::format("duplicate duty id \"{}\" (first used at line {})", duty.id,
                                                it->second->source.line));
    }
    ids.take(duty.id);
  }
  for (Duty& duty : model.duties) {
    if (!duty.id_given) duty.id = ids.unique(duty_slug(model.roles[duty.role].id, duty.text));
  }
}

}  // namespace

void finish_model(Model& model) {
  group_by_area(model);
  assign_duty_ids(model);
  std::vector<bool> has_duty(model.roles.size());
  for (const Duty& duty : model.duties) has_duty[duty.role] = true;
  for (std::size_t r = 0; r < model.roles.size(); ++r) {
    if (has_duty[r]) continue;
    const Role& role = model.roles[r];
    model.findings.push_back({Severity::kWarning, "role-without-duties", role.source,
                              fmt::format("role {} ({}) lists no duty", role.id, role.name)});
  }
}

}  // namespace raci
