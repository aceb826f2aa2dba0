#include "analysis/similarity.h"

#include <algorithm>

namespace raci {

double cosine(const SparseVector& a, const SparseVector& b) {
  return cosine(std::span(a.entries), std::span(b.entries));
}

double cosine(std::span<const SparseVector::Entry> a, std::span<const SparseVector::Entry> b) {
  // Without branches, which the merge of two short lists mispredicts half the time; adding
  // 0 where the terms differ leaves the sum as it was, so the result is the plain merge's.
  double dot = 0;
  const SparseVector::Entry* i = a.data();
  const SparseVector::Entry* j = b.data();
  const SparseVector::Entry* const a_end = i + a.size();
  const SparseVector::Entry* const b_end = j + b.size();
  while (i != a_end && j != b_end) {
    const std::uint32_t ti = i->term;
    const std::uint32_t tj = j->term;
    const double product = i->weight * j->weight;
    dot += ti == tj ? product : 0.0;
    i += ti <= tj;
    j += tj <= ti;
  }
  return std::clamp(dot, 0.0, 1.0);
}

std::vector<SparseVector::Entry> shared_contributions(const SparseVector& a, const SparseVector& b) {
  std::vector<SparseVector::Entry> out;
  shared_contributions(a, b, out);
  return out;
}

void shared_contributions(const SparseVector& a, const SparseVector& b, std::vector<SparseVector::Entry>& out) {
  out.clear();
  auto i = a.entries.begin();
  auto j = b.entries.begin();
  while (i != a.entries.end() && j != b.entries.end()) {
    if (i->term < j->term) {
      ++i;
    } else if (j->term < i->term) {
      ++j;
    } else {
      out.push_back({i->term, i->weight * j->weight});
      ++i;
      ++j;
    }
  }
}

}  // namespace raci
