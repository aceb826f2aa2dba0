#include "analysis/term_vectors.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace raci {

double inverse_document_frequency(std::size_t documents, std::size_t document_frequency) {
  if (document_frequency == 0) document_frequency = 1;
  return std::log(1.0 + static_cast<double>(documents) / static_cast<double>(document_frequency));
}

TermVectors build_term_vectors(std::vector<TermsOfText> texts, double weak_word_weight) {
  TermVectors out;
  // Document frequency of every key first, to know which multi-word terms to keep.
  std::unordered_map<std::string, std::size_t> key_frequency;
  std::unordered_map<std::string, std::size_t> last_text;
  for (std::size_t t = 0; t < texts.size(); ++t) {
    for (const TermOccurrence& term : texts[t].terms) {
      auto [it, inserted] = last_text.try_emplace(term.key, t);
      if (inserted || it->second != t) {
        it->second = t;
        ++key_frequency[term.key];
      }
    }
  }
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<double> factor;  // term id -> weak_word_weight or 1
  for (TermsOfText& text : texts) {
    for (TermOccurrence& term : text.terms) {
      std::size_t frequency = key_frequency[term.key];
      if (term.kind != TermKind::kWord && frequency < kMinPhraseDocumentFrequency) continue;
      auto [it, inserted] = ids.try_emplace(term.key, static_cast<std::uint32_t>(out.vocabulary.size()));
      if (inserted) {
        out.vocabulary.push_back(term.key);
        out.document_frequency.push_back(frequency);
        factor.push_back(term.weak ? weak_word_weight : 1.0);
      }
      term.term = it->second;
    }
  }
  out.idf.reserve(out.vocabulary.size());
  for (std::size_t frequency : out.document_frequency)
    out.idf.push_back(inverse_document_frequency(texts.size(), frequency));

  out.vectors.reserve(texts.size());
  for (const TermsOfText& text : texts) {
    std::vector<std::uint32_t> ids_here;
    for (const TermOccurrence& term : text.terms) {
      if (term.term != kNoTerm) ids_here.push_back(term.term);
    }
    std::sort(ids_here.begin(), ids_here.end());
    SparseVector vector;
    double norm = 0;
    for (std::size_t i = 0; i < ids_here.size();) {
      std::size_t j = i;
      while (j < ids_here.size() && ids_here[j] == ids_here[i]) ++j;
      double weight =
          (1.0 + std::log(static_cast<double>(j - i))) * out.idf[ids_here[i]] * factor[ids_here[i]];
      if (weight <= 0) {
        i = j;
        continue;
      }
      vector.entries.push_back({ids_here[i], weight});
      norm += weight * weight;
      i = j;
    }
    norm = std::sqrt(norm);
    for (SparseVector::Entry& entry : vector.entries) entry.weight /= norm;
    out.vectors.push_back(std::move(vector));
  }
  out.texts = std::move(texts);
  return out;
}

}  // namespace raci
