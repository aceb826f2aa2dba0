#include "analysis/similarity.h"

#include <gtest/gtest.h>

namespace raci {
namespace {

SparseVector vector(std::vector<SparseVector::Entry> entries) { return SparseVector{std::move(entries)}; }

TEST(Similarity, IdenticalVectorsScoreOne) {
  SparseVector a = vector({{0, 0.6}, {3, 0.8}});
  EXPECT_NEAR(cosine(a, a), 1.0, 1e-12);
}

TEST(Similarity, DisjointOrEmptyVectorsScoreZero) {
  EXPECT_EQ(cosine(vector({{0, 1.0}}), vector({{1, 1.0}})), 0.0);
  EXPECT_EQ(cosine(vector({}), vector({{1, 1.0}})), 0.0);
  EXPECT_EQ(cosine(vector({}), vector({})), 0.0);
}

TEST(Similarity, KnownPairScoresTheDotProduct) {
  SparseVector a = vector({{0, 0.6}, {1, 0.8}});
  SparseVector b = vector({{1, 0.6}, {2, 0.8}});
  EXPECT_NEAR(cosine(a, b), 0.48, 1e-12);
  EXPECT_NEAR(cosine(b, a), 0.48, 1e-12);
}

TEST(Similarity, ClampsRoundingAboveOne) {
  SparseVector a = vector({{0, 1.0000001}});
  EXPECT_EQ(cosine(a, a), 1.0);
}

TEST(Similarity, SharedContributionsSumToTheScore) {
  SparseVector a = vector({{0, 0.6}, {1, 0.48}, {2, 0.64}});
  SparseVector b = vector({{1, 0.8}, {2, 0.6}});
  std::vector<SparseVector::Entry> shared = shared_contributions(a, b);
  ASSERT_EQ(shared.size(), 2u);
  EXPECT_EQ(shared[0].term, 1u);
  EXPECT_NEAR(shared[0].weight, 0.384, 1e-12);
  EXPECT_EQ(shared[1].term, 2u);
  EXPECT_NEAR(shared[0].weight + shared[1].weight, cosine(a, b), 1e-12);
}

}  // namespace
}  // namespace raci
