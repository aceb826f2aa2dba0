#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/term_vectors.h"
#include "analysis/terms.h"
#include "model/finding.h"
#include "model/lexicon.h"
#include "model/model.h"

namespace raci {

/// How much two duties of different roles have in common.
enum class OverlapKind {
  kDuplicate,  ///< the same duty claimed twice: one matrix row, accountability to decide
  kRelated,    ///< shared ground worth discussing: separate rows, cross-referenced
};

/// "duplicate" or "related".
std::string_view overlap_kind_name(OverlapKind kind);

/// Two duties of different roles that describe the same or much the same work.
struct Overlap {
  OverlapKind kind = OverlapKind::kRelated;
  double score = 0;                       ///< cosine similarity of the duties' TF-IDF vectors, in [0, 1]
  std::size_t duty_a = 0;                 ///< index into Model::duties; duty_a < duty_b
  std::size_t duty_b = 0;                 ///< index into Model::duties, of another role than duty_a
  std::vector<std::string> shared_terms;  ///< the words that explain the score, strongest first,
                                          ///< as written in duty_a ("cross-squads communication",
                                          ///< "coaching ~ mentor")
};

/// How many overlaps of each duty are kept unless told otherwise (OverlapOptions::max_per_duty).
inline constexpr std::size_t kDefaultMaxOverlapsPerDuty = 5;

/// The thresholds of the overlap search; every score is a cosine in [0, 1].
struct OverlapOptions {
  /// Pairs of duties of different roles scoring at least this are `related` overlaps. Low
  /// enough for two duties sharing one distinctive phrase, high enough that sharing one
  /// common word ("team", "support") is not.
  double related_threshold = 0.2;
  /// Overlaps scoring at least this are `duplicate`: most of the weighted terms are shared.
  double duplicate_threshold = 0.5;
  /// Two duties of the same role scoring at least this are reported as a near-duplicate
  /// finding: higher than duplicate_threshold because a role's own duties share its vocabulary.
  double near_duplicate_threshold = 0.7;
  /// What a weak word (Lexicon::weak_words: "support", "conduct", "actively") weighs
  /// against a plain word of the same rarity.
  double weak_word_weight = 0.3;
  /// Keep the strongest this many overlaps of each duty (a pair stays when it is among the
  /// strongest of either duty); 0 keeps them all. A catalogue of thousands of duties
  /// written in a shared vocabulary has hundreds of related pairs per duty, of which a
  /// workshop reads the first few.
  std::size_t max_per_duty = kDefaultMaxOverlapsPerDuty;
  /// Threads for the search; 0 uses the hardware's. The result does not depend on it.
  unsigned threads = 0;
  /// Told what the search is doing ("finding overlaps") and how much of it is done (0 to 1,
  /// below 0 when unknown), now and then; may be empty.
  std::function<void(std::string_view, double)> progress;
};

/// What the overlap search found.
struct OverlapResult {
  std::vector<Overlap> overlaps;  ///< by score, highest first, then by (duty_a, duty_b)
  std::vector<Finding> findings;  ///< "near-duplicate-in-role" warnings, at the later duty, and
                                  ///< "overlaps-capped" when max_per_duty left pairs out
  std::size_t found = 0;          ///< pairs scoring at least the related threshold, before the cap
};

/// Finds the duties two roles both claim. Each duty becomes a TF-IDF vector over the model's
/// own duties (see analysis/terms.h and analysis/term_vectors.h for the terms and weights);
/// pairs of duties that share a term are scored by cosine similarity, found by an exact
/// similarity join (analysis/similarity_join.h), capped per duty, and explained by their
/// shared terms. Deterministic: the same model, lexicon and options give the same result,
/// whatever the thread count. Never fails (libstemmer missing aside: std::runtime_error).
OverlapResult find_overlaps(const Model& model, const Lexicon& lexicon, const OverlapOptions& options);

/// The terms of every duty of the model, in duty order, as TermExtractor::extract finds
/// them with this lexicon; on `threads` threads (0: the hardware's), with the same result.
std::vector<TermsOfText> extract_duty_terms(const Model& model, const Lexicon& lexicon, unsigned threads = 0);

/// The overlap search in two steps, so that the overlaps can be explained while other work
/// goes on: the constructor finds them (their shared_terms still empty), explain() fills in
/// their shared terms. find_overlaps() does both.
class OverlapSearch {
 public:
  /// Finds the overlaps of the model's duties from their terms (extract_duty_terms: one per
  /// duty, in order; std::invalid_argument otherwise). Keeps a reference to the model.
  OverlapSearch(const Model& model, std::vector<TermsOfText> terms, const OverlapOptions& options);

  /// What was found: the overlaps without their shared terms, and the findings.
  OverlapResult& result() { return result_; }

  /// Fills in the shared terms of `overlaps` (result()'s, wherever they were moved). Several
  /// threads may call it at once on the same overlaps: they share the work, and each returns
  /// once nothing is left to start.
  void explain(std::vector<Overlap>& overlaps);

 private:
  const Model& model_;
  TermVectors vectors_;
  OverlapResult result_;
  std::atomic<std::size_t> next_{0};  // the next overlap to explain
};

/// find_overlaps on the terms extract_duty_terms found for the model's duties (one per duty,
/// in order; std::invalid_argument otherwise), so a caller that needs them too extracts once.
OverlapResult find_overlaps(const Model& model, std::vector<TermsOfText> terms,
                            const OverlapOptions& options);

}  // namespace raci
