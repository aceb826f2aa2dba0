#include "analysis/term_vectors.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace raci {
namespace {

TermVectors vectors_of(const std::vector<std::string>& texts, double weak_word_weight = 0.3) {
  Lexicon lexicon;
  lexicon.stop_words = {"the", "and"};
  lexicon.weak_words = {"support"};
  lexicon.phrases = {"code review"};
  TermExtractor extractor(lexicon);
  std::vector<TermsOfText> terms;
  for (const std::string& text : texts) terms.push_back(extractor.extract(text));
  return build_term_vectors(std::move(terms), weak_word_weight);
}

// Weight of each term key in one text's vector.
std::map<std::string, double> weights(const TermVectors& vectors, std::size_t text) {
  std::map<std::string, double> out;
  for (const SparseVector::Entry& entry : vectors.vectors[text].entries)
    out[vectors.vocabulary[entry.term]] = entry.weight;
  return out;
}

TEST(Tfidf, InverseDocumentFrequencyIsLnOfOnePlusNOverDf) {
  EXPECT_DOUBLE_EQ(inverse_document_frequency(4, 1), std::log(5.0));
  EXPECT_DOUBLE_EQ(inverse_document_frequency(4, 4), std::log(2.0));
  EXPECT_DOUBLE_EQ(inverse_document_frequency(4, 0), std::log(5.0));
}

TEST(Tfidf, WeightsAreTfTimesIdfScaledToUnitLength) {
  TermVectors vectors = vectors_of({"alpha beta", "alpha gamma"});
  EXPECT_EQ(vectors.vocabulary, (std::vector<std::string>{"alpha", "beta", "gamma"}));
  EXPECT_EQ(vectors.document_frequency, (std::vector<std::size_t>{2, 1, 1}));
  double alpha = std::log(2.0);  // ln(1 + 2/2)
  double beta = std::log(3.0);   // ln(1 + 2/1)
  double norm = std::sqrt(alpha * alpha + beta * beta);
  std::map<std::string, double> first = weights(vectors, 0);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_NEAR(first["alpha"], alpha / norm, 1e-12);
  EXPECT_NEAR(first["beta"], beta / norm, 1e-12);
}

TEST(Tfidf, TermFrequencyIsSublinear) {
  TermVectors vectors = vectors_of({"beta beta alpha", "alpha"});
  std::map<std::string, double> first = weights(vectors, 0);
  double alpha = std::log(2.0);
  double beta = (1 + std::log(2.0)) * std::log(3.0);
  EXPECT_NEAR(first["beta"] / first["alpha"], beta / alpha, 1e-12);
}

TEST(Tfidf, VectorsAreSortedByTermAndHaveUnitLength) {
  TermVectors vectors = vectors_of({"gamma beta alpha", "alpha delta", "the and"});
  for (std::size_t text = 0; text < 2; ++text) {
    double length = 0;
    const auto& entries = vectors.vectors[text].entries;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      length += entries[i].weight * entries[i].weight;
      if (i > 0) {
        EXPECT_LT(entries[i - 1].term, entries[i].term);
      }
    }
    EXPECT_NEAR(length, 1.0, 1e-12);
  }
  EXPECT_TRUE(vectors.vectors[2].entries.empty());
}

TEST(Tfidf, KeepsMultiWordTermsOnlyWhenTwoTextsShareThem) {
  TermVectors vectors = vectors_of({"product roadmap, code review", "product roadmap", "code review"});
  std::map<std::string, double> first = weights(vectors, 0);
  EXPECT_TRUE(first.contains("product roadmap"));
  EXPECT_TRUE(first.contains("code review"));
  vectors = vectors_of({"product roadmap, code review", "product", "review"});
  first = weights(vectors, 0);
  EXPECT_FALSE(first.contains("product roadmap"));
  EXPECT_FALSE(first.contains("code review"));
  for (const TermOccurrence& term : vectors.texts[0].terms) {
    if (term.kind != TermKind::kWord) {
      EXPECT_EQ(term.term, kNoTerm);
    }
  }
}

TEST(Tfidf, WeakWordsWeighLess) {
  TermVectors vectors = vectors_of({"support delivery", "support hiring", "delivery hiring"}, 0.5);
  std::map<std::string, double> first = weights(vectors, 0);
  // Same document frequency, so the weak word weighs exactly half.
  EXPECT_NEAR(first["support"] / first["deliveri"], 0.5, 1e-12);
  vectors = vectors_of({"support delivery", "support hiring"}, 0.0);
  EXPECT_FALSE(weights(vectors, 0).contains("support"));
}

TEST(Tfidf, TermIdsFollowFirstUse) {
  TermVectors vectors = vectors_of({"zeta alpha", "alpha beta"});
  EXPECT_EQ(vectors.vocabulary, (std::vector<std::string>{"zeta", "alpha", "beta"}));
  EXPECT_EQ(vectors.texts[1].terms[0].term, 1u);
}

}  // namespace
}  // namespace raci
