#include "analysis/tokenizer.h"

#include "reading/utf8.h"

namespace raci {

namespace {

// A code point of the text with the bytes it came from.
struct CodePoint {
  char32_t value;
  std::size_t begin;
  std::size_t end;
};

// Decodes text keeping byte offsets; an invalid byte becomes U+FFFD, a separator.
std::vector<CodePoint> decode_with_offsets(std::string_view text) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    int length = lead < 0x80                    ? 1
                 : lead >= 0xC2 && lead <= 0xDF ? 2
                 : lead >= 0xE0 && lead <= 0xEF ? 3
                 : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                : 0;
    char32_t value = length == 1 ? lead : lead & (0x7F >> length);
    bool valid = length > 0 && i + length <= text.size();
    for (int k = 1; valid && k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      value = (value << 6) | (next & 0x3F);
    }
    if (valid && ((length == 3 && value < 0x800) || (length == 4 && (value < 0x10000 || value > 0x10FFFF)) ||
                  (value >= 0xD800 && value <= 0xDFFF))) {
      valid = false;
    }
    if (!valid) {
      out.push_back({0xFFFD, i, i + 1});
      ++i;
    } else {
      out.push_back({value, i, i + length});
      i += length;
    }
  }
  return out;
}

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }

// '-' and '/' join the words of a compound ("cross-squads", "and/or"); the Unicode hyphens too.
bool is_joiner(char32_t c) { return c == '-' || c == '/' || c == 0x2010 || c == 0x2011; }

// Punctuation that keeps a number together when it sits between two digits.
bool is_number_separator(char32_t c) { return c == ':' || c == '/' || c == '.' || c == ','; }

// Punctuation inside the Unicode letter blocks that is not part of a word.
bool is_script_punctuation(char32_t c) {
  switch (c) {
    case 0x37E:
    case 0x387:
    case 0x589:
    case 0x5BE:
    case 0x5C0:
    case 0x5C3:
    case 0x5F3:
    case 0x5F4:
    case 0x60C:
    case 0x61B:
    case 0x61F:
    case 0x6D4:
    case 0x964:
    case 0x965:
    case 0x1680: return true;
    default: return c >= 0x66A && c <= 0x66D;
  }
}

}  // namespace

char32_t to_lower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE) return c == 0xD7 ? c : c + 32;
  if (c == 0x130) return 'i';
  if (c == 0x178) return 0xFF;
  bool even = c % 2 == 0;
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) || (c >= 0x1DE && c <= 0x1EF) ||
      (c >= 0x1F8 && c <= 0x21F) || (c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
      (c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF)) {
    return even ? c + 1 : c;
  }
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E) || (c >= 0x1CD && c <= 0x1DC)) {
    return even ? c : c + 1;
  }
  if (c >= 0x391 && c <= 0x3A9) return c == 0x3A2 ? c : c + 32;
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;
  return c;
}

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c < 0x2000) return !is_script_punctuation(c);
  if (c < 0x2C00) return false;  // general punctuation, symbols, arrows, maths, shapes
  if (c < 0x2E00) return true;
  if (c < 0x2E80) return false;  // supplemental punctuation
  if (c < 0x3000) return true;
  if (c < 0x3040) return false;  // CJK punctuation
  if (c < 0xE000) return c < 0xD800;
  if (c < 0xF900) return false;  // private use
  if (c < 0xFE10) return true;
  if (c < 0xFE70) return false;  // vertical, compatibility and small forms
  if (c < 0xFF00) return c != 0xFEFF;
  if (c < 0xFFF0) {
    return is_digit(c) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ||
           (c >= 0xFF66 && c <= 0xFFDC);
  }
  if (c < 0x10000) return false;                  // specials, U+FFFD
  if (c >= 0x1F000 && c < 0x20000) return false;  // emoji and pictographs
  return c < 0x40000;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<CodePoint> points = decode_with_offsets(text);
  std::vector<Token> tokens;
  std::size_t previous_end = 0;  // index in `points` just past the previous token, dropped "'s" included
  for (std::size_t i = 0; i < points.size();) {
    if (!is_word_char(points[i].value)) {
      ++i;
      continue;
    }
    std::size_t start = i;
    std::string word;
    std::size_t word_end_point = i;  // index past the last code point kept in `word`
    while (i < points.size()) {
      char32_t c = points[i].value;
      bool next_is_word = i + 1 < points.size() && is_word_char(points[i + 1].value);
      if (is_word_char(c)) {
        utf8::append(word, to_lower(c));
      } else if (is_apostrophe(c) && next_is_word && i > start && !is_digit(points[i + 1].value)) {
        word += '\'';
      } else if (is_number_separator(c) && i > start && is_digit(points[i - 1].value) &&
                 i + 1 < points.size() && is_digit(points[i + 1].value)) {
        word += static_cast<char>(c);
      } else {
        break;
      }
      ++i;
      word_end_point = i;
    }
    // A possessive "'s" is not part of the word; neither is the plural "s" of a number ("1:1s").
    std::size_t kept = word_end_point;
    if (word.size() >= 3 && word.ends_with("'s")) {
      word.resize(word.size() - 2);
      kept -= 2;
    } else if (word.size() >= 2 && word.back() == 's' && is_digit(points[kept - 2].value)) {
      word.pop_back();
      kept -= 1;
    }
    Token token;
    token.text = std::move(word);
    token.begin = points[start].begin;
    token.end = points[kept - 1].end;
    if (tokens.empty()) {
      token.after_break = true;
    } else {
      bool only_space = true;
      for (std::size_t k = previous_end; k < start; ++k)
        only_space = only_space && utf8::is_space(points[k].value);
      token.joined = start == previous_end + 1 && is_joiner(points[previous_end].value);
      token.after_break = !only_space && !token.joined;
    }
    tokens.push_back(std::move(token));
    previous_end = i;
  }
  return tokens;
}

}  // namespace raci
