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
  std::vector<std::string> areas;
  for (const Duty& duty : duties) {
    if (duty.role != role) continue;
    if (std::find(areas.begin(), areas.end(), duty.area) == areas.end()) {
      areas.push_back(duty.area);
    }
  }
  return areas;
}

}  // namespace raci
