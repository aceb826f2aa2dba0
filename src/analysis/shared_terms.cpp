#include "analysis/shared_terms.h"

#include <algorithm>
#include <utility>

#include "analysis/similarity.h"
#include "analysis/tokenizer.h"
#include "reading/utf8.h"

namespace raci {

namespace {

// A run of touching shared terms in one text.
struct Span {
  std::size_t first_token;
  std::size_t last_token;
  double strength = 0;
  std::uint32_t strongest = kNoTerm;
  double strongest_value = -1;
  bool same_wording = true;
};

std::string lower_text(std::string_view text, const TermsOfText& terms, std::size_t first, std::size_t last) {
  std::string_view piece =
      text.substr(terms.tokens[first].begin, terms.tokens[last].end - terms.tokens[first].begin);
  // Most spans are ASCII words between single spaces: copied once and lowered in place.
  std::string out(piece);
  bool plain = true;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + ('a' - 'A'));
    } else if (static_cast<unsigned char>(c) >= 0x80 || (c >= '\t' && c <= '\r') ||
               (c == ' ' && i + 1 < out.size() && out[i + 1] == ' ')) {
      plain = false;
      break;
    }
  }
  if (plain) return out;
  out.clear();
  for (char32_t c : utf8::decode(piece)) utf8::append(out, to_lower(c));
  return utf8::normalize_space(out);
}

// The occurrence of `term` to show: one written as `preferred` when there is one, else the first.
const TermOccurrence* pick(const TermsOfText& terms, std::uint32_t term, const std::string* preferred) {
  const TermOccurrence* first = nullptr;
  for (const TermOccurrence& occurrence : terms.terms) {
    if (occurrence.term != term) continue;
    if (preferred == nullptr || occurrence.written_key == *preferred) return &occurrence;
    if (first == nullptr) first = &occurrence;
  }
  return first;
}

// Merges occurrences whose token ranges overlap into `spans`, in text order; sorts `chosen`
// into text order on the way.
void merge(std::vector<std::pair<const TermOccurrence*, double>>& chosen, std::vector<Span>& spans) {
  std::sort(chosen.begin(), chosen.end(), [](const auto& x, const auto& y) {
    return x.first->first_token != y.first->first_token ? x.first->first_token < y.first->first_token
                                                        : x.first->last_token > y.first->last_token;
  });
  spans.clear();
  for (const auto& [occurrence, value] : chosen) {
    if (spans.empty() || occurrence->first_token > spans.back().last_token) {
      spans.push_back({occurrence->first_token, occurrence->last_token});
    }
    Span& span = spans.back();
    span.last_token = std::max(span.last_token, occurrence->last_token);
    span.strength += value;
    if (value > span.strongest_value) {
      span.strongest_value = value;
      span.strongest = occurrence->term;
    }
  }
}

// What shared_terms() works in, kept from call to call on each thread: explaining a large
// catalogue's overlaps would otherwise allocate them for every pair.
struct Scratch {
  std::vector<SparseVector::Entry> shared;
  std::vector<std::pair<const TermOccurrence*, double>> in_a, in_b;
  std::vector<std::pair<std::uint32_t, bool>> same_wording;  // per shared term: a few
  std::vector<Span> spans_a, spans_b;
};

}  // namespace

std::vector<std::string> shared_terms(const ScoredText& a, const ScoredText& b) {
  thread_local Scratch scratch;
  auto& in_a = scratch.in_a;
  auto& in_b = scratch.in_b;
  auto& same_wording = scratch.same_wording;
  auto& spans_a = scratch.spans_a;
  auto& spans_b = scratch.spans_b;
  in_a.clear();
  in_b.clear();
  same_wording.clear();
  shared_contributions(a.vector, b.vector, scratch.shared);
  for (const SparseVector::Entry& shared : scratch.shared) {
    const TermOccurrence* first_in_b = pick(b.terms, shared.term, nullptr);
    // Prefer the wording both texts use ("mentoring" / "mentor" over "coaching" / "mentor").
    const TermOccurrence* occurrence_a = nullptr;
    for (const TermOccurrence& candidate : b.terms.terms) {
      if (candidate.term != shared.term) continue;
      occurrence_a = pick(a.terms, shared.term, &candidate.written_key);
      if (occurrence_a != nullptr && occurrence_a->written_key == candidate.written_key) break;
    }
    const TermOccurrence* occurrence_b = pick(b.terms, shared.term, &occurrence_a->written_key);
    if (occurrence_b == nullptr) occurrence_b = first_in_b;
    in_a.emplace_back(occurrence_a, shared.weight);
    in_b.emplace_back(occurrence_b, shared.weight);
    same_wording.emplace_back(shared.term, occurrence_a->written_key == occurrence_b->written_key);
  }
  merge(in_a, spans_a);
  merge(in_b, spans_b);
  for (Span& span : spans_a) {
    for (const auto& [occurrence, value] : in_a) {
      if (occurrence->first_token >= span.first_token && occurrence->last_token <= span.last_token) {
        const std::uint32_t term = occurrence->term;  // clang 14 captures no structured binding
        auto same = std::find_if(same_wording.begin(), same_wording.end(),
                                 [term](const auto& entry) { return entry.first == term; });
        span.same_wording = span.same_wording && same->second;
      }
    }
  }
  std::stable_sort(spans_a.begin(), spans_a.end(),
                   [](const Span& x, const Span& y) { return x.strength > y.strength; });
  std::vector<std::string> out;
  for (const Span& span : spans_a) {
    std::string words = lower_text(a.text, a.terms, span.first_token, span.last_token);
    if (!span.same_wording) {
      // The other text's wording: the span of b holding the strongest term of this one.
      for (const auto& [occurrence, value] : in_b) {
        if (occurrence->term != span.strongest) continue;
        for (const Span& other : spans_b) {
          if (occurrence->first_token >= other.first_token && occurrence->last_token <= other.last_token) {
            words += " ~ " + lower_text(b.text, b.terms, other.first_token, other.last_token);
            break;
          }
        }
        break;
      }
    }
    if (std::find(out.begin(), out.end(), words) == out.end()) out.push_back(std::move(words));
  }
  return out;
}

}  // namespace raci
