#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/stemmer.h"
#include "analysis/tokenizer.h"
#include "model/lexicon.h"

namespace raci {

/// How a term was found in a text.
enum class TermKind {
  kWord,           ///< one word that is not a stop word, or a one-word synonym
  kLexiconPhrase,  ///< a multi-word entry of the lexicon ("decision making", "one-on-one")
  kAdjacentPair,   ///< two neighbouring words with no stop word or punctuation between them
};

/// Marks a term occurrence that the vocabulary dropped (see build_term_vectors).
inline constexpr std::uint32_t kNoTerm = UINT32_MAX;

/// One term found in a text.
struct TermOccurrence {
  std::string key;              ///< what is compared: stems joined by ' ', synonyms mapped to the
                                ///< first entry of their group ("mentor", "decis make", "1:1")
  std::string written_key;      ///< the stems of the words as written, before synonyms ("coach")
  std::size_t first_token = 0;  ///< index of its first token in TermsOfText::tokens
  std::size_t last_token = 0;   ///< index of its last token (inclusive)
  TermKind kind = TermKind::kWord;
  bool weak = false;             ///< a weak word of the lexicon (see Lexicon::weak_words)
  std::uint32_t term = kNoTerm;  ///< id in the vocabulary, set by build_term_vectors
};

/// The tokens of one text and the terms found in them, in text order.
struct TermsOfText {
  std::vector<Token> tokens;
  std::vector<TermOccurrence> terms;
};

/// Turns texts into terms: tokenises, stems with Snowball English, drops stop words, maps
/// synonyms to their group's first entry, marks weak words, and adds the lexicon's phrases
/// and every pair of adjacent words (neither of them weak) as extra terms. Lexicon entries are matched on
/// stems, longest first, stop words included ("one-on-one"). Not thread-safe (it owns a Stemmer).
class TermExtractor {
 public:
  /// Prepares the lexicon. Entries that hold no word are ignored; when two synonym groups
  /// claim the same entry, the first wins. Throws std::runtime_error only when libstemmer
  /// is broken.
  explicit TermExtractor(const Lexicon& lexicon);

  /// The terms of one text.
  TermsOfText extract(std::string_view text);

  /// The stems of a word or phrase joined by ' ', stop words kept: "Decision-making" ->
  /// "decis make". Empty when it holds no word.
  std::string stem_key(std::string_view text);

 private:
  struct Entry {
    std::vector<std::string> stems;
    std::string key;  // canonical key
    bool synonym = false;
  };

  // What the lexicon says of a word as written (lower-cased), worked out once per word:
  // a text's words are looked up once each rather than in five tables.
  struct Word {
    std::string stem;
    bool stop = false;                             // a stop word, as written or stemmed
    bool weak = false;                             // a weak word (Lexicon::weak_words)
    const std::string* synonym = nullptr;          // its one-word synonym group's key, if any
    const std::vector<Entry>* entries = nullptr;   // multi-word entries starting with its stem
  };

  const std::string& stem_of(const Token& token);
  const Word& word_of(const Token& token);
  bool is_stop_word(const Token& token, const std::string& stem) const;
  // Adds the one-word term of token i (its synonym's key, when it has one) and returns it.
  static const TermOccurrence& add_word(TermsOfText& out, const std::vector<const Word*>& words, std::size_t i);
  // The longest multi-word entry of the lexicon (a synonym or a phrase) matching the tokens
  // at `start` without crossing a break, or nullptr.
  static const Entry* match(const std::vector<Token>& tokens, const std::vector<const Word*>& words,
                            std::size_t start, bool synonym);

  Stemmer stemmer_;
  std::unordered_set<std::string> stop_words_;
  std::unordered_set<std::string> weak_stems_;
  std::unordered_map<std::string, std::string> word_synonyms_;   // stem -> canonical key
  std::unordered_map<std::string, std::vector<Entry>> entries_;  // first stem -> multi-word entries
  std::unordered_map<std::string, Word> words_;                  // word as written -> what it is
};

}  // namespace raci
