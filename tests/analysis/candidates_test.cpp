#include "analysis/candidates.h"

#include <stdexcept>

#include <gtest/gtest.h>

namespace raci {
namespace {

// Four texts: 0 and 2 share term 7, 1 and 3 share term 8, 0 and 1 share term 9.
std::vector<SparseVector> texts() {
  return {SparseVector{{{7, 0.6}, {9, 0.8}}}, SparseVector{{{8, 0.6}, {9, 0.8}}}, SparseVector{{{7, 1.0}}},
          SparseVector{{{8, 1.0}}}};
}

using Pairs = std::vector<CandidatePair>;

TEST(Candidate, PairsTextsOfDifferentGroupsThatShareATerm) {
  // Groups: texts 0 and 1 belong to role 0, texts 2 and 3 to role 1.
  EXPECT_EQ(candidate_pairs(texts(), {0, 0, 1, 1}, PairScope::kAcrossGroups), (Pairs{{0, 2}, {1, 3}}));
}

TEST(Candidate, PairsTextsOfTheSameGroupForNearDuplicates) {
  EXPECT_EQ(candidate_pairs(texts(), {0, 0, 1, 1}, PairScope::kWithinGroup), (Pairs{{0, 1}}));
}

TEST(Candidate, ListsEachPairOnceInOrder) {
  std::vector<SparseVector> same(3, SparseVector{{{1, 0.6}, {2, 0.8}}});
  EXPECT_EQ(candidate_pairs(same, {0, 1, 2}, PairScope::kAcrossGroups), (Pairs{{0, 1}, {0, 2}, {1, 2}}));
}

TEST(Candidate, SkipsTextsWithNothingInCommonOrNothingAtAll) {
  std::vector<SparseVector> apart = {SparseVector{{{1, 1.0}}}, SparseVector{{{2, 1.0}}}, SparseVector{}};
  EXPECT_TRUE(candidate_pairs(apart, {0, 1, 2}, PairScope::kAcrossGroups).empty());
  EXPECT_TRUE(candidate_pairs({}, {}, PairScope::kAcrossGroups).empty());
}

TEST(Candidate, RejectsAGroupListOfTheWrongSize) {
  EXPECT_THROW(candidate_pairs(texts(), {0, 1}, PairScope::kAcrossGroups), std::invalid_argument);
}

}  // namespace
}  // namespace raci
