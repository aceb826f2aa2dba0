#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/term_vectors.h"

namespace raci {

/// One side of a compared pair: the text, its terms (with ids) and its vector.
struct ScoredText {
  std::string_view text;
  const TermsOfText& terms;
  const SparseVector& vector;
};

/// Explains a score in words a person recognises: the shared terms of two texts, as written
/// in `a`, strongest contribution to the cosine first. Terms whose words touch are merged
/// into one span ("cross-squads communication" rather than "cross", "squads",
/// "communication"); a span matched through the synonym lexicon shows both wordings
/// ("coaching ~ mentor"). Lower-case. Empty when the texts share no term. Never fails.
std::vector<std::string> shared_terms(const ScoredText& a, const ScoredText& b);

}  // namespace raci
