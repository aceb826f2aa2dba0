#include "analysis/term_vectors.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <functional>
#include <utility>
#include <vector>

namespace raci {

namespace {

// Numbers the distinct keys in order of first appearance: an open-addressing table of
// indices, which takes a million look-ups in a fraction of the time of a node-based map.
class KeyNumbers {
 public:
  // The key's number, and whether it is new.
  std::pair<std::uint32_t, bool> insert(std::string_view key) {
    if ((keys_.size() + 1) * 2 > slots_.size()) grow();
    const std::size_t hash = std::hash<std::string_view>{}(key);
    for (std::size_t at = hash & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
      std::uint32_t& slot = slots_[at];
      if (slot == kEmpty) {
        slot = static_cast<std::uint32_t>(keys_.size());
        keys_.push_back({key, hash});
        return {slot, true};
      }
      if (keys_[slot].hash == hash && keys_[slot].key == key) return {slot, false};
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  struct Key {
    std::string_view key;
    std::size_t hash;
  };

  void grow() {
    std::vector<std::uint32_t> slots(std::max<std::size_t>(slots_.size() * 2, 1024), kEmpty);
    for (std::uint32_t number = 0; number < keys_.size(); ++number) {
      std::size_t at = keys_[number].hash & (slots.size() - 1);
      while (slots[at] != kEmpty) at = (at + 1) & (slots.size() - 1);
      slots[at] = number;
    }
    slots_.swap(slots);
  }

  std::vector<std::uint32_t> slots_;
  std::vector<Key> keys_;
};

}  // namespace

double inverse_document_frequency(std::size_t documents, std::size_t document_frequency) {
  if (document_frequency == 0) document_frequency = 1;
  return std::log(1.0 + static_cast<double>(documents) / static_cast<double>(document_frequency));
}

TermVectors build_term_vectors(std::vector<TermsOfText> texts, double weak_word_weight) {
  TermVectors out;
  // One look-up per occurrence: every key gets a provisional number in order of first
  // appearance with its document frequency, and each occurrence remembers its number.
  struct Key {
    std::size_t frequency = 0;
    std::size_t last_text = 0;
    std::uint32_t id = kNoTerm;  // the final id, given at the first occurrence that is kept
  };
  KeyNumbers provisional;
  std::vector<Key> keys;
  std::vector<std::uint32_t> number_of;  // per occurrence, in text order
  for (std::size_t t = 0; t < texts.size(); ++t) {
    for (const TermOccurrence& term : texts[t].terms) {
      auto [number, inserted] = provisional.insert(term.key);
      if (inserted) keys.push_back({0, t, kNoTerm});
      Key& key = keys[number];
      if (inserted || key.last_text != t) {
        key.last_text = t;
        ++key.frequency;
      }
      number_of.push_back(number);
    }
  }
  // Ids follow the first occurrence kept: multi-word terms must be shared to count.
  std::vector<double> factor;  // term id -> weak_word_weight or 1
  std::size_t occurrence = 0;
  for (TermsOfText& text : texts) {
    for (TermOccurrence& term : text.terms) {
      Key& key = keys[number_of[occurrence++]];
      if (term.kind != TermKind::kWord && key.frequency < kMinPhraseDocumentFrequency) continue;
      if (key.id == kNoTerm) {
        key.id = static_cast<std::uint32_t>(out.vocabulary.size());
        out.vocabulary.push_back(term.key);
        out.document_frequency.push_back(key.frequency);
        factor.push_back(term.weak ? weak_word_weight : 1.0);
      }
      term.term = key.id;
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
