#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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
};

/// What the overlap search found.
struct OverlapResult {
  std::vector<Overlap> overlaps;  ///< by score, highest first, then by (duty_a, duty_b)
  std::vector<Finding> findings;  ///< "near-duplicate-in-role" warnings, at the later duty
};

/// Finds the duties two roles both claim. Each duty becomes a TF-IDF vector over the model's
/// own duties (see analysis/terms.h and analysis/term_vectors.h for the terms and weights);
/// pairs of duties that share a term are scored by cosine similarity. Deterministic: the same
/// model, lexicon and options give the same result. Never fails (libstemmer missing aside:
/// std::runtime_error).
OverlapResult find_overlaps(const Model& model, const Lexicon& lexicon, const OverlapOptions& options);

}  // namespace raci
