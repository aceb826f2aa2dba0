#include "analysis/similarity_join.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <random>
#include <stdexcept>

#include <gtest/gtest.h>

#include "analysis/similarity.h"

namespace raci {
namespace {

// Four texts: 0 and 2 share term 7, 1 and 3 share term 8, 0 and 1 share term 9.
std::vector<SparseVector> four_texts() {
  return {SparseVector{{{7, 0.6}, {9, 0.8}}}, SparseVector{{{8, 0.6}, {9, 0.8}}}, SparseVector{{{7, 1.0}}},
          SparseVector{{{8, 1.0}}}};
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> indexes(const JoinResult& result) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (const ScoredPair& pair : result.pairs) out.emplace_back(pair.first, pair.second);
  return out;
}

using Indexes = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

JoinOptions options(PairScope scope, double threshold, std::size_t max_per_text, unsigned threads) {
  JoinOptions out;
  out.scope = scope;
  out.threshold = threshold;
  out.max_per_text = max_per_text;
  out.threads = threads;
  return out;
}

// Every pair in scope that shares a term and scores at least the threshold, by comparing
// every pair: what the join must give.
JoinResult brute_force(const std::vector<SparseVector>& vectors, const std::vector<std::size_t>& groups,
                       PairScope scope, double threshold) {
  JoinResult out;
  for (std::uint32_t a = 0; a < vectors.size(); ++a) {
    for (std::uint32_t b = a + 1; b < vectors.size(); ++b) {
      if ((groups[a] == groups[b]) != (scope == PairScope::kWithinGroup)) continue;
      if (shared_contributions(vectors[a], vectors[b]).empty()) continue;
      double score = cosine(vectors[a], vectors[b]);
      if (score >= threshold) out.pairs.push_back({a, b, score});
    }
  }
  return out;
}

// Keeps the pairs among the `cap` strongest of either text, by the definition.
std::vector<ScoredPair> capped(const std::vector<ScoredPair>& pairs, std::size_t texts, std::size_t cap) {
  std::vector<std::vector<ScoredPair>> of(texts);
  for (const ScoredPair& pair : pairs) {
    of[pair.first].push_back(pair);
    of[pair.second].push_back(pair);
  }
  std::vector<ScoredPair> out;
  for (std::uint32_t t = 0; t < texts; ++t) {
    auto partner = [t](const ScoredPair& p) { return p.first == t ? p.second : p.first; };
    std::sort(of[t].begin(), of[t].end(), [&](const ScoredPair& a, const ScoredPair& b) {
      return a.score != b.score ? a.score > b.score : partner(a) < partner(b);
    });
    if (of[t].size() > cap) of[t].resize(cap);
    out.insert(out.end(), of[t].begin(), of[t].end());
  }
  std::sort(out.begin(), out.end(), [](const ScoredPair& a, const ScoredPair& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A random catalogue of unit vectors: term frequencies fall off like natural language
// (a few common terms, many rare ones), some texts are copies or near-copies of others.
struct Catalogue {
  std::vector<SparseVector> vectors;
  std::vector<std::size_t> groups;
};

Catalogue random_catalogue(unsigned seed, std::size_t texts, std::size_t groups, std::uint32_t terms) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Catalogue out;
  for (std::size_t t = 0; t < texts; ++t) {
    SparseVector vector;
    if (t > 0 && unit(random) < 0.1) {
      vector = out.vectors[random() % t];  // a copy, maybe re-weighted a little below
      for (auto& entry : vector.entries) entry.weight *= 1 + 0.05 * unit(random);
    } else {
      std::size_t size = 1 + random() % 9;
      std::vector<std::uint32_t> chosen;
      for (std::size_t i = 0; i < size; ++i) {
        // Zipf-like: low ids are common.
        chosen.push_back(static_cast<std::uint32_t>(std::pow(unit(random), 2.5) * terms));
      }
      std::sort(chosen.begin(), chosen.end());
      chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
      for (std::uint32_t term : chosen) vector.entries.push_back({term, 0.05 + unit(random)});
    }
    if (unit(random) < 0.03) vector.entries.clear();  // a text with no term
    double norm = 0;
    for (const auto& entry : vector.entries) norm += entry.weight * entry.weight;
    for (auto& entry : vector.entries) entry.weight /= std::sqrt(norm);
    out.vectors.push_back(vector);
    out.groups.push_back(random() % groups);
  }
  return out;
}

TEST(SimilarityJoin, PairsTextsOfDifferentGroupsThatShareATerm) {
  // Groups: texts 0 and 1 belong to role 0, texts 2 and 3 to role 1.
  JoinResult result =
      similarity_join(four_texts(), {0, 0, 1, 1}, options(PairScope::kAcrossGroups, 0.0, 0, 1));
  EXPECT_EQ(indexes(result), (Indexes{{0, 2}, {1, 3}}));
  EXPECT_DOUBLE_EQ(result.pairs[0].score, 0.6);
  EXPECT_EQ(result.found, 2u);
}

TEST(SimilarityJoin, PairsTextsOfTheSameGroupForNearDuplicates) {
  JoinResult result =
      similarity_join(four_texts(), {0, 0, 1, 1}, options(PairScope::kWithinGroup, 0.0, 0, 1));
  EXPECT_EQ(indexes(result), (Indexes{{0, 1}}));
}

TEST(SimilarityJoin, KeepsOnlyPairsAtTheThreshold) {
  // 0-2 and 1-3 score 0.6.
  EXPECT_EQ(
      indexes(similarity_join(four_texts(), {0, 0, 1, 1}, options(PairScope::kAcrossGroups, 0.6, 0, 1))),
      (Indexes{{0, 2}, {1, 3}}));
  EXPECT_TRUE(similarity_join(four_texts(), {0, 0, 1, 1}, options(PairScope::kAcrossGroups, 0.61, 0, 1))
                  .pairs.empty());
}

TEST(SimilarityJoin, ListsEachPairOnceInOrder) {
  std::vector<SparseVector> same(3, SparseVector{{{1, 0.6}, {2, 0.8}}});
  EXPECT_EQ(indexes(similarity_join(same, {0, 1, 2}, {})), (Indexes{{0, 1}, {0, 2}, {1, 2}}));
}

TEST(SimilarityJoin, SkipsTextsWithNothingInCommonOrNothingAtAll) {
  std::vector<SparseVector> apart = {SparseVector{{{1, 1.0}}}, SparseVector{{{2, 1.0}}}, SparseVector{}};
  EXPECT_TRUE(similarity_join(apart, {0, 1, 2}, options(PairScope::kAcrossGroups, 0.0, 0, 1)).pairs.empty());
  EXPECT_TRUE(similarity_join({}, {}, {}).pairs.empty());
}

TEST(SimilarityJoin, RejectsAGroupListOfTheWrongSize) {
  EXPECT_THROW(similarity_join(four_texts(), {0, 1}, {}), std::invalid_argument);
}

TEST(SimilarityJoin, CapKeepsTheStrongestPartnersOfEitherText) {
  // Scores: 0-1 0.9, 0-2 0.8, 0-3 0.6, 1-2 0.72, 1-3 0.54, 2-3 0.48. With a cap of one,
  // each of 1, 2 and 3 keeps its best partner, 0; 1-2 and 1-3 are nobody's best.
  std::vector<SparseVector> texts = {
      SparseVector{{{1, 1.0}}},
      SparseVector{{{1, 0.9}, {2, std::sqrt(1 - 0.81)}}},
      SparseVector{{{1, 0.8}, {3, 0.6}}},
      SparseVector{{{1, 0.6}, {4, 0.8}}},
  };
  JoinResult result = similarity_join(texts, {0, 1, 2, 3}, options(PairScope::kAcrossGroups, 0.5, 1, 1));
  EXPECT_EQ(result.found, 5u);
  EXPECT_EQ(indexes(result), (Indexes{{0, 1}, {0, 2}, {0, 3}}));
}

// The join returns exactly the pairs and scores of comparing every pair, on random
// catalogues, at thresholds from loose to strict, on one thread and on several.
TEST(SimilarityJoin, SameAsComparingEveryPairOnRandomCatalogues) {
  for (unsigned seed = 1; seed <= 10; ++seed) {
    Catalogue catalogue = random_catalogue(seed, 200 + 80 * seed, 2 + seed % 7, 40 + 25 * seed);
    for (PairScope scope : {PairScope::kAcrossGroups, PairScope::kWithinGroup}) {
      JoinResult sharing = brute_force(catalogue.vectors, catalogue.groups, scope, 0.0);
      for (double threshold : {0.0, 0.05, 0.2, 0.35, 0.5, 0.7, 0.9, 1.0}) {
        SCOPED_TRACE(testing::Message() << "seed " << seed << " threshold " << threshold << " scope "
                                        << (scope == PairScope::kWithinGroup ? "within" : "across"));
        std::vector<ScoredPair> expected;
        std::copy_if(sharing.pairs.begin(), sharing.pairs.end(), std::back_inserter(expected),
                     [&](const ScoredPair& pair) { return pair.score >= threshold; });
        for (unsigned threads : {1u, 3u}) {
          JoinResult got =
              similarity_join(catalogue.vectors, catalogue.groups, options(scope, threshold, 0, threads));
          ASSERT_EQ(got.pairs.size(), expected.size());
          EXPECT_EQ(got.pairs, expected);  // scores compared exactly
          EXPECT_EQ(got.found, expected.size());
        }
      }
    }
  }
}

// Pairs of the same group found in the same pass as the pairs across groups are those of
// comparing every pair of the same group, whichever threshold is the higher, and do not
// change the pairs across groups, capped or not.
TEST(SimilarityJoin, WithinPairsInTheSamePassAreThoseOfComparingEveryPair) {
  for (unsigned seed = 30; seed <= 35; ++seed) {
    Catalogue catalogue = random_catalogue(seed, 300 + 60 * seed % 400, 2 + seed % 5, 50);
    for (auto [threshold, within] : {std::pair{0.2, 0.7}, {0.5, 0.3}, {0.05, 0.05}, {0.9, 1.0}, {0.3, 0.0}}) {
      SCOPED_TRACE(testing::Message() << "seed " << seed << " threshold " << threshold << " within " << within);
      JoinResult across = brute_force(catalogue.vectors, catalogue.groups, PairScope::kAcrossGroups, threshold);
      JoinResult same = brute_force(catalogue.vectors, catalogue.groups, PairScope::kWithinGroup, within);
      for (std::size_t cap : {0u, 3u}) {
        for (unsigned threads : {1u, 2u}) {
          JoinOptions asked = options(PairScope::kAcrossGroups, threshold, cap, threads);
          asked.within_threshold = within;
          JoinResult got = similarity_join(catalogue.vectors, catalogue.groups, asked);
          EXPECT_EQ(got.within_pairs, same.pairs);
          EXPECT_EQ(got.pairs, cap == 0 ? across.pairs : capped(across.pairs, catalogue.vectors.size(), cap));
          EXPECT_EQ(got.found, across.pairs.size());
        }
      }
    }
  }
}

TEST(SimilarityJoin, CapIsTheStrongestPerTextOfComparingEveryPair) {
  for (unsigned seed = 20; seed <= 23; ++seed) {
    Catalogue catalogue = random_catalogue(seed, 700, 5, 60);
    for (double threshold : {0.1, 0.3, 0.6}) {
      JoinResult all = brute_force(catalogue.vectors, catalogue.groups, PairScope::kAcrossGroups, threshold);
      for (std::size_t cap : {1u, 3u, 10u}) {
        SCOPED_TRACE(testing::Message() << "seed " << seed << " threshold " << threshold << " cap " << cap);
        std::vector<ScoredPair> expected = capped(all.pairs, catalogue.vectors.size(), cap);
        for (unsigned threads : {1u, 2u}) {
          JoinResult got = similarity_join(catalogue.vectors, catalogue.groups,
                                           options(PairScope::kAcrossGroups, threshold, cap, threads));
          EXPECT_EQ(got.pairs, expected);
          EXPECT_EQ(got.found, all.pairs.size());
        }
      }
    }
  }
}

}  // namespace
}  // namespace raci
