#include "reading/finish.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "reading/identifiers.h"

namespace raci {

namespace {

void group_by_area(Model& model) {
  // Rank of each (role, area) by first appearance, looked up once per duty; then the duties
  // are moved once into the order of (role, rank), keeping their order within an area.
  std::map<std::pair<std::size_t, std::string_view>, std::size_t> rank;
  std::vector<std::pair<std::size_t, std::size_t>> key;  // per duty: role, rank
  key.reserve(model.duties.size());
  for (const Duty& duty : model.duties) {
    auto it = rank.emplace(std::pair<std::size_t, std::string_view>(duty.role, duty.area), rank.size()).first;
    key.emplace_back(duty.role, it->second);
  }
  std::vector<std::size_t> order(model.duties.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
  std::vector<Duty> sorted;
  sorted.reserve(model.duties.size());
  for (std::size_t d : order) sorted.push_back(std::move(model.duties[d]));
  model.duties = std::move(sorted);
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
