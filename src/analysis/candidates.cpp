#include "analysis/candidates.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace raci {

std::vector<CandidatePair> candidate_pairs(const std::vector<SparseVector>& vectors,
                                           const std::vector<std::size_t>& groups, PairScope scope) {
  if (vectors.size() != groups.size()) throw std::invalid_argument("candidate_pairs: one group per vector");
  std::vector<std::vector<std::size_t>> postings;
  for (std::size_t text = 0; text < vectors.size(); ++text) {
    for (const SparseVector::Entry& entry : vectors[text].entries) {
      if (entry.term >= postings.size()) postings.resize(entry.term + 1);
      postings[entry.term].push_back(text);
    }
  }
  std::vector<CandidatePair> out;
  std::vector<std::size_t> seen_by(vectors.size(), std::numeric_limits<std::size_t>::max());
  std::vector<std::size_t> partners;
  for (std::size_t text = 0; text < vectors.size(); ++text) {
    partners.clear();
    for (const SparseVector::Entry& entry : vectors[text].entries) {
      const std::vector<std::size_t>& list = postings[entry.term];
      // Postings are in text order: only the later texts pair with this one.
      for (auto it = std::upper_bound(list.begin(), list.end(), text); it != list.end(); ++it) {
        std::size_t other = *it;
        bool same_group = groups[other] == groups[text];
        if (seen_by[other] == text || same_group != (scope == PairScope::kWithinGroup)) continue;
        seen_by[other] = text;
        partners.push_back(other);
      }
    }
    std::sort(partners.begin(), partners.end());
    for (std::size_t other : partners) out.push_back({text, other});
  }
  return out;
}

}  // namespace raci
