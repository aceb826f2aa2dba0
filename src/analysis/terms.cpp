#include "analysis/terms.h"

#include <algorithm>

namespace raci {

namespace {

std::string join(const std::vector<std::string>& words, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i <= last; ++i) {
    if (i > first) out += ' ';
    out += words[i];
  }
  return out;
}

// The stems of words[first..last] joined by ' '.
template <typename Word>
std::string join_stems(const std::vector<const Word*>& words, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i <= last; ++i) {
    if (i > first) out += ' ';
    out += words[i]->stem;
  }
  return out;
}

// A word, or a multi-word synonym, that can pair with its neighbour.
struct Unit {
  std::string key;
  std::string written_key;
  std::size_t first;
  std::size_t last;
};

}  // namespace

TermExtractor::TermExtractor(const Lexicon& lexicon) {
  // Stop words are looked up as written and as stems, so "ones" goes with "one".
  for (const std::string& word : lexicon.stop_words) {
    for (const Token& token : tokenize(word)) {
      stop_words_.insert(token.text);
      stop_words_.insert(stem_of(token));
    }
  }
  for (const std::string& word : lexicon.weak_words) {
    for (const Token& token : tokenize(word)) weak_stems_.insert(stem_of(token));
  }
  std::vector<Entry> multi_word;
  for (const std::vector<std::string>& group : lexicon.synonyms) {
    std::string canonical;
    for (const std::string& text : group) {
      std::vector<std::string> stems;
      for (const Token& token : tokenize(text)) stems.push_back(stem_of(token));
      if (stems.empty()) continue;
      if (canonical.empty()) canonical = join(stems, 0, stems.size() - 1);
      if (stems.size() == 1) {
        word_synonyms_.emplace(stems[0], canonical);
      } else {
        multi_word.push_back({stems, canonical, true});
      }
    }
  }
  for (const std::string& text : lexicon.phrases) {
    std::vector<std::string> stems;
    std::vector<std::string> keys;
    for (const Token& token : tokenize(text)) {
      stems.push_back(stem_of(token));
      auto synonym = word_synonyms_.find(stems.back());
      keys.push_back(synonym == word_synonyms_.end() ? stems.back() : synonym->second);
    }
    if (stems.size() >= 2) multi_word.push_back({stems, join(keys, 0, keys.size() - 1), false});
  }
  // Longest first, so that "performance review meeting" wins over "performance review".
  std::stable_sort(multi_word.begin(), multi_word.end(),
                   [](const Entry& a, const Entry& b) { return a.stems.size() > b.stems.size(); });
  for (Entry& entry : multi_word) entries_[entry.stems[0]].push_back(std::move(entry));
}

const std::string& TermExtractor::stem_of(const Token& token) { return stemmer_.stem(token.text); }

const TermExtractor::Word& TermExtractor::word_of(const Token& token) {
  auto [it, added] = words_.try_emplace(token.text);
  Word& word = it->second;
  if (!added) return word;
  word.stem = stem_of(token);
  word.stop = is_stop_word(token, word.stem);
  word.weak = weak_stems_.contains(word.stem);
  if (auto synonym = word_synonyms_.find(word.stem); synonym != word_synonyms_.end()) word.synonym = &synonym->second;
  if (auto entries = entries_.find(word.stem); entries != entries_.end()) word.entries = &entries->second;
  return word;
}

bool TermExtractor::is_stop_word(const Token& token, const std::string& stem) const {
  // A lone letter ("a", "s" of a lost apostrophe) means nothing either.
  if (token.text.size() == 1 && token.text[0] >= 'a' && token.text[0] <= 'z') return true;
  return stop_words_.contains(token.text) || stop_words_.contains(stem);
}

const TermExtractor::Entry* TermExtractor::match(const std::vector<Token>& tokens,
                                                 const std::vector<const Word*>& words, std::size_t start,
                                                 bool synonym) {
  const std::vector<Entry>* entries = words[start]->entries;
  if (entries == nullptr) return nullptr;
  for (const Entry& entry : *entries) {
    if (entry.synonym != synonym || start + entry.stems.size() > words.size()) continue;
    bool matches = true;
    for (std::size_t k = 1; matches && k < entry.stems.size(); ++k) {
      matches = words[start + k]->stem == entry.stems[k] && !tokens[start + k].after_break;
    }
    if (matches) return &entry;
  }
  return nullptr;
}

const TermOccurrence& TermExtractor::add_word(TermsOfText& out, const std::vector<const Word*>& words,
                                              std::size_t i) {
  const Word& word = *words[i];
  const std::string& key = word.synonym != nullptr ? *word.synonym : word.stem;
  out.terms.push_back({key, word.stem, i, i, TermKind::kWord, word.weak});
  return out.terms.back();
}

std::string TermExtractor::stem_key(std::string_view text) {
  std::vector<std::string> stems;
  for (const Token& token : tokenize(text)) stems.push_back(stem_of(token));
  return stems.empty() ? std::string() : join(stems, 0, stems.size() - 1);
}

TermsOfText TermExtractor::extract(std::string_view text) {
  TermsOfText out;
  out.tokens = tokenize(text);
  const std::vector<Token>& tokens = out.tokens;
  std::vector<const Word*> words;  // each token's, in the table (whose entries stay put)
  words.reserve(tokens.size());
  for (const Token& token : tokens) words.push_back(&word_of(token));

  std::vector<Unit> units;
  for (std::size_t i = 0; i < tokens.size();) {
    if (const Entry* synonym = match(tokens, words, i, true)) {
      // A multi-word synonym ("one-on-one", "performance appraisal") is one unit for pairs;
      // its words count too, as those of a phrase do.
      std::size_t last = i + synonym->stems.size() - 1;
      out.terms.push_back({synonym->key, join_stems(words, i, last), i, last, TermKind::kLexiconPhrase});
      units.push_back({synonym->key, join_stems(words, i, last), i, last});
      for (; i <= last; ++i) {
        if (!words[i]->stop) add_word(out, words, i);
      }
      continue;
    }
    if (const Entry* phrase = match(tokens, words, i, false)) {
      std::size_t last = i + phrase->stems.size() - 1;
      out.terms.push_back({phrase->key, join_stems(words, i, last), i, last, TermKind::kLexiconPhrase});
    }
    if (!words[i]->stop) {
      const TermOccurrence& word = add_word(out, words, i);
      // A weak word pairs with nothing: "conduct technical" says no more than "technical".
      if (!word.weak) units.push_back({word.key, word.written_key, i, i});
    }
    ++i;
  }

  for (std::size_t u = 1; u < units.size(); ++u) {
    const Unit& left = units[u - 1];
    const Unit& right = units[u];
    if (right.first != left.last + 1 || tokens[right.first].after_break) continue;
    bool is_phrase = std::any_of(out.terms.begin(), out.terms.end(), [&](const TermOccurrence& term) {
      return term.kind == TermKind::kLexiconPhrase && term.first_token == left.first &&
             term.last_token == right.last;
    });
    if (is_phrase) continue;
    out.terms.push_back({left.key + ' ' + right.key, left.written_key + ' ' + right.written_key, left.first,
                         right.last, TermKind::kAdjacentPair});
  }
  std::stable_sort(out.terms.begin(), out.terms.end(), [](const TermOccurrence& a, const TermOccurrence& b) {
    return a.first_token != b.first_token ? a.first_token < b.first_token : a.last_token < b.last_token;
  });
  return out;
}

}  // namespace raci
