#include "analysis/similarity.h"

#include <algorithm>

namespace raci {

double cosine(const SparseVector& a, const SparseVector& b) {
  double dot = 0;
  auto i = a.entries.begin();
  auto j = b.entries.begin();
  while (i != a.entries.end() && j != b.entries.end()) {
    if (i->term < j->term) {
      ++i;
    } else if (j->term < i->term) {
      ++j;
    } else {
      dot += i->weight * j->weight;
      ++i;
      ++j;
    }
  }
  return std::clamp(dot, 0.0, 1.0);
}

std::vector<SparseVector::Entry> shared_contributions(const SparseVector& a, const SparseVector& b) {
  std::vector<SparseVector::Entry> out;
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
  return out;
}

}  // namespace raci
