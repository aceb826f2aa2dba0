#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/term_vectors.h"

namespace raci {

/// Cosine similarity of two unit-length sparse vectors: their dot product, clamped to [0, 1]
/// against rounding. 1 for the same terms in the same proportions, 0 when they share no
/// term or either is empty. A pure function of the two vectors. Never fails.
double cosine(const SparseVector& a, const SparseVector& b);

/// The same score of two vectors' entries held elsewhere (sorted by term id, length 1):
/// the same arithmetic in the same order, so the same bits as cosine() on SparseVectors.
double cosine(std::span<const SparseVector::Entry> a, std::span<const SparseVector::Entry> b);

/// What each shared term adds to cosine(a, b): {term id, weight in a * weight in b}, in term
/// id order; the contributions sum to the score.
std::vector<SparseVector::Entry> shared_contributions(const SparseVector& a, const SparseVector& b);

/// The same into `out`, which it clears first: a caller explaining many pairs reuses one.
void shared_contributions(const SparseVector& a, const SparseVector& b, std::vector<SparseVector::Entry>& out);

}  // namespace raci
