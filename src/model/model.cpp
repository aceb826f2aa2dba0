#include "model/model.h"

#include <algorithm>

namespace raci {

std::optional<std::size_t> Model::find_role(std::string_view id) const {
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (roles[i].id == id) return i;
  }
  return std::nullopt;
}

std::vector<std::string> Model::areas_of(std::size_t role) const {
  if (role >= roles.size()) return {};
  return areas_by_role()[role];
}

std::vector<std::vector<std::string>> Model::areas_by_role() const {
  std::vector<std::vector<std::string>> areas(roles.size());
  for (const Duty& duty : duties) {
    if (duty.role >= areas.size()) continue;
    std::vector<std::string>& of_role = areas[duty.role];
    if (std::find(of_role.begin(), of_role.end(), duty.area) == of_role.end()) of_role.push_back(duty.area);
  }
  return areas;
}

}  // namespace raci
