#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace raci {

/// One word of a text, as the overlap search sees it.
struct Token {
  std::string text;          ///< lower-cased word: "cross", "squads", "1:1", "café"
  std::size_t begin = 0;     ///< byte offset of the word in the text
  std::size_t end = 0;       ///< byte offset just past it (a dropped "'s" excluded)
  bool joined = false;       ///< attached to the previous token by '-' or '/' ("cross-squads", "and/or")
  bool after_break = false;  ///< punctuation other than a joining '-' or '/' separates it from the
                             ///< previous token, or it is the first: no phrase spans a break
};

/// Lower-cases one code point: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals
/// map to their small letters; anything else is returned unchanged.
char32_t to_lower(char32_t c);

/// True for code points that make up words: letters and digits of any script, combining
/// marks. Spaces, punctuation, symbols, emoji and U+FFFD are not.
bool is_word_char(char32_t c);

/// Splits UTF-8 text into lower-cased words. Rules: '-' and '/' between two words split
/// them and mark the second `joined`; ':', '/', '.' and ',' between two digits stay inside a
/// number-like token ("1:1", "24/7", "2.5"); an apostrophe between letters stays ("don't",
/// straight or curly, written as '), a trailing "'s" or "'" is dropped ("team's" -> "team"),
/// and so is a plural "s" after a digit ("1:1s" -> "1:1"). Invalid UTF-8 never fails: bad
/// bytes are separators.
std::vector<Token> tokenize(std::string_view text);

}  // namespace raci
