#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/terms.h"

namespace raci {

/// A sparse vector of term weights, sorted by term id, with Euclidean length 1 (or empty
/// when the text held no term). Scoring needs nothing else, so a similarity join can work
/// on these alone.
struct SparseVector {
  struct Entry {
    std::uint32_t term;
    double weight;
  };
  std::vector<Entry> entries;
};

/// The TF-IDF model of a set of texts (the duties of one matrix).
struct TermVectors {
  std::vector<std::string> vocabulary;          ///< term id -> key, in order of first use
  std::vector<std::size_t> document_frequency;  ///< term id -> number of texts holding it
  std::vector<double> idf;                      ///< term id -> inverse document frequency
  std::vector<TermsOfText> texts;               ///< the input, with TermOccurrence::term set
  std::vector<SparseVector> vectors;            ///< one per text, same order
};

/// The least number of texts a multi-word term (phrase or adjacent pair) must occur in to
/// be kept: one that occurs once can never be shared, and would only dilute its text's
/// vector with words its single words already count.
inline constexpr std::size_t kMinPhraseDocumentFrequency = 2;

/// Inverse document frequency of a term found in `document_frequency` of `documents`
/// texts: ln(1 + n / df). Rare terms weigh most; a term in every text still weighs ln 2,
/// so two identical duties of a two-duty matrix still match. A df of 0 counts as 1.
double inverse_document_frequency(std::size_t documents, std::size_t document_frequency);

/// Weights the terms of each text with TF-IDF: tf is 1 + ln(count) (sublinear, so a
/// repeated word does not dominate a sentence), idf is inverse_document_frequency over
/// these texts, a weak
/// word's weight is multiplied by `weak_word_weight`, and each vector is scaled to length 1. Multi-word terms
/// found in fewer than kMinPhraseDocumentFrequency texts are dropped (their occurrences get kNoTerm).
/// Deterministic: term ids follow first use in input order. Never fails.
TermVectors build_term_vectors(std::vector<TermsOfText> texts, double weak_word_weight);

}  // namespace raci
