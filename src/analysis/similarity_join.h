#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "analysis/term_vectors.h"

namespace raci {

/// Which pairs of texts are wanted, by the group (role) each text belongs to.
enum class PairScope {
  kAcrossGroups,  ///< texts of different groups: overlaps between roles
  kWithinGroup,   ///< texts of the same group: near-duplicates inside one role
};

/// Two texts, by index (first < second), and their cosine as `cosine()` computes it.
struct ScoredPair {
  std::uint32_t first = 0;
  std::uint32_t second = 0;
  double score = 0;
  friend bool operator==(const ScoredPair&, const ScoredPair&) = default;
};

/// What a similarity join is asked for.
struct JoinOptions {
  PairScope scope = PairScope::kAcrossGroups;
  /// Pairs sharing at least one term and scoring at least this are found. At or below 0,
  /// every pair sharing a term is.
  double threshold = 0.2;
  /// Keep only the strongest pairs of each text: a pair is kept when it is among the
  /// `max_per_text` best of either of its texts (higher score first, then the partner with
  /// the lower index). 0 keeps every pair.
  std::size_t max_per_text = 0;
  /// With kAcrossGroups: also find the pairs of texts of the same group scoring at least
  /// this (at or below 0: every such pair sharing a term), every one (no cap), in
  /// JoinResult::within_pairs, in the same pass.
  std::optional<double> within_threshold;
  /// Threads probing the index; 0 picks the hardware's (at most 4, one for small inputs).
  /// The result does not depend on it.
  unsigned threads = 0;
  /// Told the share of the work done (0 to 1) now and then, from one thread; may be empty.
  std::function<void(double)> progress;
};

/// The pairs a join found.
struct JoinResult {
  std::vector<ScoredPair> pairs;  ///< the kept pairs, sorted by (first, second)
  std::size_t found = 0;          ///< every pair in scope scoring at least the threshold, kept or not
  std::vector<ScoredPair> within_pairs;  ///< see JoinOptions::within_threshold; sorted likewise
};

/// An exact threshold similarity join of unit-length sparse vectors, after All-Pairs
/// (Bayardo, Ma and Srikant, WWW 2007) with L2AP's Euclidean bounds (Anastasiu and Karypis,
/// ICDE 2014): terms are ordered by falling document frequency; each vector leaves out of
/// the inverted index its longest prefix of common terms that cannot reach the threshold
/// alone (bounded by its norm and by its weights times each term's heaviest weight); a probe
/// takes the rarest terms first, admits a new candidate only when the term's product plus
/// the norms of the commoner terms of both vectors can reach the threshold, and admits none
/// once its own remaining norm cannot; a candidate's estimate is its accumulated dot product
/// plus its unindexed prefix. Survivors are scored with `cosine()`, so the pairs and scores
/// are exactly those of comparing every pair in scope that shares a term, whatever the
/// thread count. The partners met are taken a window of texts at a time, which keeps the
/// scan in the processor's caches.
/// `groups[i]` is the group of vectors[i]; throws std::invalid_argument when the sizes
/// differ or there are 2^32 texts or more.
JoinResult similarity_join(const std::vector<SparseVector>& vectors, const std::vector<std::size_t>& groups,
                           const JoinOptions& options);

}  // namespace raci
