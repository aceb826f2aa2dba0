#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace raci {

/// True when `id` is a valid role id: [A-Za-z][A-Za-z0-9_-]{0,15}.
bool is_valid_role_id(std::string_view id);

/// The default id of a role: the initials of its name, upper-case
/// ("Engineering Manager" -> "EM", "Head of Engineering" -> "HE"; an acronym word is kept
/// whole: "QA Lead" -> "QAL"). Connector words (of, and, the, ...) are skipped. Always a
/// valid role id ("R" when the name has no usable letters).
std::string role_initials(std::string_view name);

/// True when `id` is a valid duty id: 1 to 64 characters of [A-Za-z0-9._-].
bool is_valid_duty_id(std::string_view id);

/// The default id of a duty: the role id in lower case and the first content words of
/// the text, as a slug ("EM", "Conduct managerial interviews for candidates" ->
/// "em-conduct-managerial-interviews-candidates"). Stable under reordering.
std::string duty_slug(std::string_view role_id, std::string_view text);

/// Hands out ids unique among those taken so far: `base`, then `base2`, `base3`, ... for
/// role ids (`separator` "") or `base-2`, `base-3`, ... for duty ids (`separator` "-").
class UniqueIds {
 public:
  explicit UniqueIds(std::string separator) : separator_(std::move(separator)) {}

  /// Marks an id as used; false when it already was.
  bool take(const std::string& id) { return taken_.insert(id).second; }

  /// `base` if free, else the first free numbered variant; marks it as used.
  std::string unique(const std::string& base);

 private:
  std::string separator_;
  std::unordered_set<std::string> taken_;
};

}  // namespace raci
