#include "analysis/assignment.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include <fmt/format.h>

namespace raci {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The role a policy names, by id or name (case-insensitive).
std::optional<std::size_t> resolve_role(const Model& model, std::string_view name) {
  std::string wanted = lower(name);
  for (std::size_t r = 0; r < model.roles.size(); ++r) {
    if (lower(model.roles[r].id) == wanted || lower(model.roles[r].name) == wanted) return r;
  }
  return std::nullopt;
}

std::pair<std::size_t, std::size_t> ordered(std::size_t a, std::size_t b) {
  return {std::min(a, b), std::max(a, b)};
}

// Why a pair of duties was or was not put into one row.
enum class Join {
  kJoined,        // one row now (or already)
  kSameRole,      // a duty of one of the roles is already in the other's row
  kBothMerged,    // each duty is already merged with others
  kDecidedRow,    // one of them is in a row a decision made, which nothing else joins
  kDecidedApart,  // a decision keeps two of the duties in separate rows
  kBothExplicit,  // both sides have explicit letters, and only one set could win
};

// Groups of duties that share one row; the smallest index is the row's own duty.
class Groups {
 public:
  explicit Groups(const Model& model) : model_(model), group_of_(model.duties.size(), -1) {}

  // A decision said these two duties are separate rows.
  void keep_apart(std::size_t a, std::size_t b) { apart_.insert(ordered(a, b)); }

  // The groups formed so far are decided: no later merge changes them.
  void close_all() { closed_.assign(groups_.size(), true); }

  // Puts a and b in one row unless that would put two duties of one role together, join
  // two existing groups, change a closed group, put duties kept apart together, or (unless
  // a decision asks for it) drop the explicit letters of one side.
  Join merge(std::size_t a, std::size_t b, bool by_decision) {
    int ga = group_of_[a];
    int gb = group_of_[b];
    if (ga >= 0 && ga == gb) return Join::kJoined;
    if (ga >= 0 && gb >= 0) return Join::kBothMerged;
    if (is_closed(ga) || is_closed(gb)) return Join::kDecidedRow;
    std::vector<std::size_t> side_a = members(a);
    std::vector<std::size_t> side_b = members(b);
    for (std::size_t x : side_a) {
      for (std::size_t y : side_b) {
        if (model_.duties[x].role == model_.duties[y].role) return Join::kSameRole;
      }
    }
    for (std::size_t x : side_a) {
      for (std::size_t y : side_b) {
        if (apart_.count(ordered(x, y))) return Join::kDecidedApart;
      }
    }
    if (!by_decision && has_explicit(side_a) && has_explicit(side_b)) return Join::kBothExplicit;
    if (ga < 0 && gb < 0) {
      groups_.push_back({std::min(a, b), std::max(a, b)});
      group_of_[a] = group_of_[b] = static_cast<int>(groups_.size()) - 1;
      return Join::kJoined;
    }
    int g = ga >= 0 ? ga : gb;
    std::size_t incoming = ga >= 0 ? b : a;
    groups_[g].push_back(incoming);
    std::sort(groups_[g].begin(), groups_[g].end());
    group_of_[incoming] = g;
    return Join::kJoined;
  }

  // The duties of d's row, d's own group or d alone.
  std::vector<std::size_t> members(std::size_t d) const {
    return group_of_[d] >= 0 ? groups_[group_of_[d]] : std::vector<std::size_t>{d};
  }
  std::size_t primary(std::size_t d) const { return members(d).front(); }
  bool together(std::size_t a, std::size_t b) const {
    return group_of_[a] >= 0 && group_of_[a] == group_of_[b];
  }

 private:
  bool is_closed(int g) const { return g >= 0 && static_cast<std::size_t>(g) < closed_.size() && closed_[g]; }
  bool has_explicit(const std::vector<std::size_t>& duties) const {
    return std::any_of(duties.begin(), duties.end(),
                       [&](std::size_t d) { return !model_.duties[d].raci.empty(); });
  }

  const Model& model_;
  std::vector<int> group_of_;
  std::vector<std::vector<std::size_t>> groups_;
  std::vector<bool> closed_;
  std::set<std::pair<std::size_t, std::size_t>> apart_;
};

// What people read about a duplicate pair that stayed in two rows.
std::string_view not_merged_reason(Join join) {
  switch (join) {
    case Join::kSameRole: return "a duty of that role is already merged here";
    case Join::kBothMerged: return "both duties are already merged with others";
    case Join::kDecidedRow: return "one of the duties is already merged by a decision";
    case Join::kDecidedApart: return "a decision keeps these duties apart";
    case Join::kBothExplicit: return "both duties have explicit letters";
    case Join::kJoined: break;
  }
  return "merged";
}

std::string letters_summary(const Model& model, const MatrixRow& row) {
  std::string out;
  for (const RoleCell& cell : row.cells) {
    if (cell.cell.letters.empty()) continue;
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", model.roles[cell.role].id,
                       cell.cell.letters.to_string());
  }
  return out;
}

std::string accountable_of(const Model& model, const MatrixRow& row) {
  for (const RoleCell& cell : row.cells) {
    if (cell.cell.letters.has(Letters::kA)) return model.roles[cell.role].id;
  }
  return "nobody";
}

// A set of numbers, as open addressing in a power-of-two table: a few hundred thousand
// look-ups, which a node-based set makes slow.
class PairSet {
 public:
  // Adds `key`; false when it was there.
  bool insert(std::uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    for (std::size_t at = slot_of(key, slots_.size());; at = (at + 1) & (slots_.size() - 1)) {
      if (slots_[at] == kEmpty) {
        slots_[at] = key;
        ++size_;
        return true;
      }
      if (slots_[at] == key) return false;
    }
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  static std::size_t slot_of(std::uint64_t key, std::size_t slots) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15u) >> 32) & (slots - 1);
  }
  void grow() {
    std::vector<std::uint64_t> old(std::max<std::size_t>(slots_.size() * 2, 1024), kEmpty);
    old.swap(slots_);
    for (std::uint64_t key : old) {
      if (key == kEmpty) continue;
      std::size_t at = slot_of(key, slots_.size());
      while (slots_[at] != kEmpty) at = (at + 1) & (slots_.size() - 1);
      slots_[at] = key;
    }
  }
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

bool has_origin(const MatrixRow& row, CellOrigin origin) {
  return std::any_of(row.cells.begin(), row.cells.end(),
                     [&](const RoleCell& cell) { return cell.cell.origin == origin; });
}

// A policy theme with its role names looked up once, not once per row.
struct ResolvedTheme {
  std::optional<std::size_t> accountable;  // the first of its accountable roles the matrix has
  std::vector<std::size_t> consulted;
  std::vector<std::size_t> informed;
};

}  // namespace

ThemeMatcher::ThemeMatcher(const Policy& policy, const TermFunction& terms) : themes_(policy.themes.size()) {
  for (std::size_t t = 0; t < policy.themes.size(); ++t) {
    const std::size_t first = sequences_.size();
    for (const std::string& term : policy.themes[t].terms) {
      std::vector<std::string> words = terms(term);
      // "priority" and "prioritise" may stem alike: one piece of evidence, not two.
      bool repeated = std::any_of(sequences_.begin() + static_cast<std::ptrdiff_t>(first), sequences_.end(),
                                  [&](const Sequence& sequence) { return sequence.words == words; });
      if (!words.empty() && !repeated) sequences_.push_back({std::move(words), t});
    }
  }
  // Views into sequences_, which no longer grows.
  for (std::size_t s = 0; s < sequences_.size(); ++s) starting_with_[sequences_[s].words.front()].push_back(s);
}

int ThemeMatcher::best_theme(const std::vector<std::string>& duty_terms) const {
  // Each sequence found anywhere in the duty's terms scores its length for its theme, once.
  std::vector<std::size_t> scores(themes_, 0);
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < duty_terms.size(); ++i) {
    auto starting = starting_with_.find(duty_terms[i]);
    if (starting == starting_with_.end()) continue;
    for (std::size_t s : starting->second) {
      const std::vector<std::string>& words = sequences_[s].words;
      if (i + words.size() > duty_terms.size() ||
          !std::equal(words.begin() + 1, words.end(), duty_terms.begin() + static_cast<std::ptrdiff_t>(i) + 1) ||
          std::find(found.begin(), found.end(), s) != found.end()) {
        continue;
      }
      found.push_back(s);
      scores[sequences_[s].theme] += words.size();
    }
  }
  int best = -1;
  std::size_t best_score = 0;
  for (std::size_t t = 0; t < themes_; ++t) {
    if (scores[t] > best_score) {
      best_score = scores[t];
      best = static_cast<int>(t);
    }
  }
  return best;
}

Assignment assign_matrix(const Model& model, const std::vector<Overlap>& overlaps, const Policy& policy,
                         const TermFunction& terms, const std::vector<std::vector<std::string>>* duty_terms) {
  std::map<std::string, std::size_t> duty_by_id;  // for the decisions, when there are any
  if (!model.decisions.empty()) {
    for (std::size_t d = 0; d < model.duties.size(); ++d) duty_by_id[model.duties[d].id] = d;
  }
  // Decisions in the order recorded; the first one about a pair counts.
  std::map<std::pair<std::size_t, std::size_t>, const Decision*> decisions;
  for (const Decision& decision : model.decisions) {
    // Loaders check that a decision names two known duties.
    auto a = duty_by_id.find(decision.duties.at(0));
    auto b = duty_by_id.find(decision.duties.at(1));
    if (a != duty_by_id.end() && b != duty_by_id.end())
      decisions.emplace(ordered(a->second, b->second), &decision);
  }

  // Rows: decisions first, closed to later merges so that their letters stay theirs, then
  // duplicates, strongest first.
  Groups groups(model);
  for (const auto& [pair, decision] : decisions) {
    if (!decision->merge) groups.keep_apart(pair.first, pair.second);
  }
  for (const auto& [pair, decision] : decisions) {
    if (decision->merge) groups.merge(pair.first, pair.second, true);
  }
  std::map<std::size_t, const Decision*> decided_row;  // primary duty -> decision
  for (const Decision& decision : model.decisions) {
    auto a = duty_by_id.find(decision.duties.at(0));
    auto b = duty_by_id.find(decision.duties.at(1));
    if (decision.merge && a != duty_by_id.end() && b != duty_by_id.end() &&
        groups.together(a->second, b->second)) {
      decided_row.emplace(groups.primary(a->second), &decision);
    }
  }
  groups.close_all();

  Assignment result;
  result.outcomes.resize(overlaps.size());
  std::vector<Join> joins(overlaps.size(), Join::kJoined);
  std::vector<const Decision*> decision_of(overlaps.size(), nullptr);
  for (std::size_t i = 0; i < overlaps.size(); ++i) {
    const Overlap& overlap = overlaps[i];
    auto decision = decisions.find(ordered(overlap.duty_a, overlap.duty_b));
    if (decision != decisions.end()) {
      decision_of[i] = decision->second;
      result.outcomes[i].decided = true;
    } else if (overlap.kind == OverlapKind::kDuplicate) {
      joins[i] = groups.merge(overlap.duty_a, overlap.duty_b, false);
    }
  }

  // A theme whose Accountable the matrix lacks cannot apply: the duties it would match
  // fall back to their listing role rather than get a theme without an A.
  Policy usable;
  for (const PolicyTheme& theme : policy.themes) {
    bool applies =
        std::any_of(theme.accountable.begin(), theme.accountable.end(),
                    [&](const std::string& name) { return resolve_role(model, name).has_value(); });
    if (applies) usable.themes.push_back(theme);
  }
  ThemeMatcher matcher(usable, terms);
  std::vector<ResolvedTheme> resolved;
  for (const PolicyTheme& theme : usable.themes) {
    ResolvedTheme& out = resolved.emplace_back();
    for (const std::string& name : theme.accountable) {
      if ((out.accountable = resolve_role(model, name))) break;
    }
    for (const std::string& name : theme.consulted) {
      if (auto r = resolve_role(model, name)) out.consulted.push_back(*r);
    }
    for (const std::string& name : theme.informed) {
      if (auto r = resolve_role(model, name)) out.informed.push_back(*r);
    }
  }
  Matrix& matrix = result.matrix;
  matrix.roles = model.roles;
  std::vector<std::size_t> row_of(model.duties.size());
  for (std::size_t d = 0; d < model.duties.size(); ++d) {
    std::vector<std::size_t> members = groups.members(d);
    if (members.front() != d) {
      row_of[d] = row_of[members.front()];
      continue;
    }
    const Duty& duty = model.duties[d];
    MatrixRow row{duty.id, duty.area, duty.text, d, {}, {}, {}, {}};
    row.merged.assign(members.begin() + 1, members.end());
    for (std::size_t other : row.merged) row_of[other] = matrix.rows.size();

    const Duty* with_letters = nullptr;
    for (std::size_t member : members) {
      if (!with_letters && !model.duties[member].raci.empty()) with_letters = &model.duties[member];
    }
    auto decided = decided_row.find(d);
    if (with_letters) {
      for (const ExplicitCell& cell : with_letters->raci) {
        if (auto r = model.find_role(cell.role_id)) row.cell_at(*r) = {cell.letters, CellOrigin::kExplicit};
      }
    } else if (decided != decided_row.end()) {
      for (const auto& [role_id, letters] : decided->second->raci) {
        if (auto r = model.find_role(role_id)) row.cell_at(*r) = {letters, CellOrigin::kDecision};
      }
    } else {
      std::vector<std::string> row_terms;
      for (std::size_t member : members) {
        if (duty_terms) {
          row_terms.insert(row_terms.end(), (*duty_terms)[member].begin(), (*duty_terms)[member].end());
        } else {
          std::vector<std::string> words = terms(model.duties[member].text);
          row_terms.insert(row_terms.end(), words.begin(), words.end());
        }
        row_terms.push_back("");  // no phrase spans two duties
        row.cell_at(model.duties[member].role) = {Letters(Letters::kR), CellOrigin::kListingRole};
      }
      int t = matcher.best_theme(row_terms);
      std::optional<std::size_t> accountable;
      if (t >= 0) {
        const ResolvedTheme& theme = resolved[t];
        row.theme = usable.themes[t].name;
        accountable = theme.accountable;
        auto give = [&](const std::vector<std::size_t>& roles, Letters::Letter letter) {
          for (std::size_t r : roles) {
            if (r != accountable && row.cell(r).letters.empty()) {
              row.cell_at(r) = {Letters(letter), CellOrigin::kPolicy};
            }
          }
        };
        if (accountable) {
          Cell& cell = row.cell_at(*accountable);
          cell = {cell.letters | Letters(Letters::kA), CellOrigin::kPolicy};
        }
        give(theme.consulted, Letters::kC);
        give(theme.informed, Letters::kI);
      }
      if (!accountable) {
        Cell& cell = row.cell_at(duty.role);
        cell = {cell.letters | Letters(Letters::kA), CellOrigin::kListingRole};
      }
    }
    row_of[d] = matrix.rows.size();
    matrix.rows.push_back(std::move(row));
  }

  // Related pairs, and duplicates that stayed apart: cross-referenced, and each role
  // consulted on the other's row. Below, only Consulted cells are added, so what is asked of
  // a row's explicit, decided and Accountable cells is asked once per row.
  const std::size_t rows = matrix.rows.size();
  std::vector<char> explicit_row(rows);  // letters given in the input or by a decision
  for (std::size_t r = 0; r < rows; ++r) {
    explicit_row[r] = has_origin(matrix.rows[r], CellOrigin::kExplicit) ||
                      has_origin(matrix.rows[r], CellOrigin::kDecision);
  }
  std::vector<std::string> merged_by_default(rows);  // a merged row's resolution, once made
  PairSet cross_referenced;  // (row, other row) already cross-referenced
  for (std::size_t i = 0; i < overlaps.size(); ++i) {
    const Overlap& overlap = overlaps[i];
    PairOutcome& outcome = result.outcomes[i];
    const std::size_t a = row_of[overlap.duty_a];
    const std::size_t b = row_of[overlap.duty_b];
    MatrixRow& row_a = matrix.rows[a];
    outcome.merged = a == b;
    if (outcome.merged) {
      if (has_origin(row_a, CellOrigin::kExplicit)) {
        outcome.resolution = fmt::format("merged: {} (explicit letters)", letters_summary(model, row_a));
      } else if (decided_row.count(row_a.duty)) {
        outcome.resolution = fmt::format("merged by decision: {}", letters_summary(model, row_a));
      } else {
        std::string& resolution = merged_by_default[a];
        if (resolution.empty()) {
          resolution = fmt::format("merged: {} accountable {}; confirm and record a decision",
                                   accountable_of(model, row_a),
                                   row_a.theme.empty() ? std::string("as the listing role (no policy theme matched)")
                                                       : "by policy (" + row_a.theme + ")");
        }
        outcome.resolution = resolution;
      }
      continue;
    }
    auto consult = [&](std::size_t r, std::size_t role, std::size_t other) {
      MatrixRow& row = matrix.rows[r];
      if (cross_referenced.insert(static_cast<std::uint64_t>(r) * rows + other)) {
        row.related.push_back(matrix.rows[other].id);
      }
      if (!explicit_row[r] && row.cell(role).letters.empty()) {
        row.cell_at(role) = {Letters(Letters::kC), CellOrigin::kOverlap};
      }
    };
    consult(a, model.duties[overlap.duty_b].role, b);
    consult(b, model.duties[overlap.duty_a].role, a);
    if (decision_of[i]) {
      outcome.resolution = decision_of[i]->merge
                               ? "not merged (conflicts with another decision); cross-referenced"
                               : "kept separate by decision; cross-referenced";
    } else if (overlap.kind == OverlapKind::kDuplicate) {
      outcome.resolution = fmt::format("not merged ({}); cross-referenced", not_merged_reason(joins[i]));
    } else {
      outcome.resolution = "related: separate rows, cross-referenced, each role consulted";
    }
  }
  return result;
}

}  // namespace raci
