#pragma once

#include <cstddef>
#include <vector>

#include "analysis/term_vectors.h"

namespace raci {

/// Two texts to score, by index, first < second.
struct CandidatePair {
  std::size_t first;
  std::size_t second;
  friend bool operator==(const CandidatePair&, const CandidatePair&) = default;
};

/// Which pairs of texts are wanted, by the group (role) each text belongs to.
enum class PairScope {
  kAcrossGroups,  ///< texts of different groups: overlaps between roles
  kWithinGroup,   ///< texts of the same group: near-duplicates inside one role
};

/// Candidate generation, kept apart from scoring: every pair of texts in `scope` that share
/// at least one term, found through an inverted index (term -> texts), so pairs with
/// nothing in common are never scored. `groups[i]` is the group of vectors[i]; the sizes
/// must match (std::invalid_argument otherwise). Sorted by (first, second); each pair once.
/// A later similarity join (All-Pairs/L2AP) that prunes by the score bound replaces this.
std::vector<CandidatePair> candidate_pairs(const std::vector<SparseVector>& vectors,
                                           const std::vector<std::size_t>& groups, PairScope scope);

}  // namespace raci
