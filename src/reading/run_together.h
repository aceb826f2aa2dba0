#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace raci {

/// Words that may start a duty, lowercase: the embedded list (src/data/duty_verbs.txt)
/// plus whatever a page's own duties start with.
class DutyStarters {
 public:
  /// The embedded verb list.
  static DutyStarters embedded();

  /// Adds one word (any case).
  void add(std::string_view word);
  bool contains(std::string_view word) const;

 private:
  std::unordered_set<std::string> words_;
};

/// Splits a list item that holds two items run together by a lost line break, e.g.
/// "Guide team to work towards company OKRsSeek and promote processes improvement".
/// A split point is a capitalised word glued to the previous word ("OKRsSeek",
/// "plans.Ensure") where the glued word starts a duty, both sides keep at least two
/// words, the point is outside brackets and quotes, and the previous fragment is not a
/// capitalised word itself (so camel-case names such as "OfficeVibe" or "JavaScript"
/// stay whole). Returns the pieces, trimmed; one piece when there is nothing to split.
std::vector<std::string> split_run_together(std::string_view text, const DutyStarters& starters);

}  // namespace raci
