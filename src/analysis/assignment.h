#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/overlaps.h"
#include "model/matrix.h"
#include "model/model.h"
#include "model/policy.h"

namespace raci {

/// Turns text into the terms policy themes are matched on (stemmed, stop words dropped),
/// the same way for duties and for theme terms.
using TermFunction = std::function<std::vector<std::string>(std::string_view)>;

/// A policy with each theme's terms already turned into term sequences.
class ThemeMatcher {
 public:
  ThemeMatcher(const Policy& policy, const TermFunction& terms);

  /// Index of the theme that best matches the duty's terms, or -1 when none matches. Each
  /// distinct matched term scores its word count; the earlier theme wins a tie.
  int best_theme(const std::vector<std::string>& duty_terms) const;

 private:
  struct Sequence {
    std::vector<std::string> words;
    std::size_t theme;
  };
  std::size_t themes_ = 0;
  std::vector<Sequence> sequences_;  // every theme's distinct term sequences
  // A word -> the sequences starting with it: a duty's words look up only those.
  std::unordered_map<std::string_view, std::vector<std::size_t>> starting_with_;
};

/// What assign_matrix did with a pair of overlapping duties.
struct PairOutcome {
  bool merged = false;     ///< the pair became one row
  bool decided = false;    ///< a recorded decision said so
  std::string resolution;  ///< for people: "merged: EM accountable by policy (confirm)", ...
};

/// The assigned matrix and, per overlap (same order), what became of it.
struct Assignment {
  Matrix matrix;
  std::vector<PairOutcome> outcomes;
};

/// Builds the matrix with letters in every row:
/// - explicit letters from the input win for their duty;
/// - a `duplicate` pair (or a pair a decision merges) becomes one row keeping both duties,
///   with the decision's letters when one was recorded, else both roles Responsible and
///   the Accountable from the policy. A duplicate stays two rows when one role would hold
///   two duties of the row, when a decision keeps the duties apart or already made one of
///   their rows, or when both duties have explicit letters;
/// - otherwise the listing role is Responsible, the best-matching policy theme names the
///   Accountable, Consulted and Informed roles, and the listing role is Accountable when no
///   theme applies (the generic fallback);
/// - in a `related` pair, or a duplicate left in two rows, the rows are cross-referenced
///   and each role is Consulted on the other's row (not on rows with explicit letters or
///   a decision's letters).
/// Every cell records where its letters came from. `duty_terms`, when given, holds what
/// `terms` gives for each duty's text, by duty index, already computed.
Assignment assign_matrix(const Model& model, const std::vector<Overlap>& overlaps, const Policy& policy,
                         const TermFunction& terms,
                         const std::vector<std::vector<std::string>>* duty_terms = nullptr);

}  // namespace raci
