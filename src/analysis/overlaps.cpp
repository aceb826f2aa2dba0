#include "analysis/overlaps.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/candidates.h"
#include "analysis/shared_terms.h"
#include "analysis/similarity.h"
#include "analysis/term_vectors.h"
#include "analysis/terms.h"

namespace raci {

std::string_view overlap_kind_name(OverlapKind kind) {
  return kind == OverlapKind::kDuplicate ? "duplicate" : "related";
}

OverlapResult find_overlaps(const Model& model, const Lexicon& lexicon, const OverlapOptions& options) {
  TermExtractor extractor(lexicon);
  std::vector<TermsOfText> texts;
  std::vector<std::size_t> roles;
  texts.reserve(model.duties.size());
  for (const Duty& duty : model.duties) {
    texts.push_back(extractor.extract(duty.text));
    roles.push_back(duty.role);
  }
  TermVectors vectors = build_term_vectors(std::move(texts), options.weak_word_weight);
  auto scored = [&](std::size_t duty) {
    return ScoredText{model.duties[duty].text, vectors.texts[duty], vectors.vectors[duty]};
  };

  OverlapResult result;
  for (const CandidatePair& pair : candidate_pairs(vectors.vectors, roles, PairScope::kAcrossGroups)) {
    double score = cosine(vectors.vectors[pair.first], vectors.vectors[pair.second]);
    if (score < options.related_threshold) continue;
    OverlapKind kind = score >= options.duplicate_threshold ? OverlapKind::kDuplicate : OverlapKind::kRelated;
    result.overlaps.push_back(
        {kind, score, pair.first, pair.second, shared_terms(scored(pair.first), scored(pair.second))});
  }
  std::stable_sort(result.overlaps.begin(), result.overlaps.end(), [](const Overlap& x, const Overlap& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.duty_a != y.duty_a ? x.duty_a < y.duty_a : x.duty_b < y.duty_b;
  });

  for (const CandidatePair& pair : candidate_pairs(vectors.vectors, roles, PairScope::kWithinGroup)) {
    double score = cosine(vectors.vectors[pair.first], vectors.vectors[pair.second]);
    if (score < options.near_duplicate_threshold) continue;
    const Duty& earlier = model.duties[pair.first];
    const Duty& later = model.duties[pair.second];
    result.findings.push_back(
        {Severity::kWarning, "near-duplicate-in-role", later.source,
         fmt::format("duty \"{}\" nearly repeats \"{}\" ({}) of the same role {} (score {:.3f})", later.text,
                     earlier.text, earlier.source.to_string(), model.roles[later.role].name, score)});
  }
  return result;
}

}  // namespace raci
