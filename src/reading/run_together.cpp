#include "reading/run_together.h"

#include <algorithm>
#include <cctype>

#include "embedded_data.h"
#include "reading/utf8.h"

namespace raci {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_upper(c) || is_lower(c); }

std::string lowercase(std::string_view word) {
  std::string out(word);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool word_char = c != ' ';
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

// True when position `at` is inside brackets or double quotes opened before it, straight
// or curly (“…”, as word processors write them).
bool inside_brackets_or_quotes(std::string_view text, std::size_t at) {
  constexpr std::string_view kOpenQuote = "\u201C";
  constexpr std::string_view kCloseQuote = "\u201D";
  int depth = 0;
  int curly_depth = 0;
  bool in_quotes = false;
  for (std::size_t i = 0; i < at; ++i) {
    char c = text[i];
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (c == '"') in_quotes = !in_quotes;
    if (text.substr(i).starts_with(kOpenQuote)) ++curly_depth;
    if (text.substr(i).starts_with(kCloseQuote) && curly_depth > 0) --curly_depth;
  }
  return depth > 0 || in_quotes || curly_depth > 0;
}

// Where the first run-together point in `text` is, or npos.
std::size_t find_split(std::string_view text, const DutyStarters& starters) {
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (!is_upper(text[i]) || !is_lower(text[i + 1])) continue;
    char before = text[i - 1];
    bool glued_to_word =
        is_lower(before) || is_upper(before) || std::isdigit(static_cast<unsigned char>(before));
    bool glued_to_sentence = (before == '.' || before == ';' || before == '!' || before == '?') && i >= 3 &&
                             is_lower(text[i - 2]) && is_lower(text[i - 3]);
    if (!glued_to_word && !glued_to_sentence) continue;

    // Where the glued token starts.
    std::size_t token_start = text.rfind(' ', i - 1);
    token_start = token_start == std::string_view::npos ? 0 : token_start + 1;
    if (glued_to_word) {
      // A capitalised word part glued to another is a camel-case name: "OfficeVibe",
      // "DataDogMonitor". An acronym before the split point ("OKRsSeek") is not a word part.
      std::size_t part = i;
      while (part > token_start && is_lower(text[part - 1])) --part;
      bool capitalised_part = part < i && part > token_start && is_upper(text[part - 1]) &&
                              (part - 1 == token_start || !is_upper(text[part - 2]));
      if (capitalised_part) continue;
    }

    std::size_t word_end = i;
    while (word_end < text.size() && is_alpha(text[word_end])) ++word_end;
    if (!starters.contains(text.substr(i, word_end - i))) continue;
    if (count_words(text.substr(0, i)) < 2 || count_words(text.substr(i)) < 2) continue;
    if (inside_brackets_or_quotes(text, i)) continue;
    return i;
  }
  return std::string_view::npos;
}

}  // namespace

DutyStarters DutyStarters::embedded() {
  DutyStarters starters;
  std::string_view data = embedded::duty_verbs();
  while (!data.empty()) {
    std::size_t end = data.find('\n');
    std::string_view line = data.substr(0, end);
    data = end == std::string_view::npos ? std::string_view() : data.substr(end + 1);
    line = line.substr(0, line.find('#'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty()) starters.add(line);
  }
  return starters;
}

void DutyStarters::add(std::string_view word) { words_.insert(lowercase(word)); }

bool DutyStarters::contains(std::string_view word) const { return words_.count(lowercase(word)) != 0; }

std::vector<std::string> split_run_together(std::string_view text, const DutyStarters& starters) {
  std::vector<std::string> pieces;
  std::string rest(text);
  for (std::size_t at = find_split(rest, starters); at != std::string::npos;
       at = find_split(rest, starters)) {
    pieces.push_back(utf8::normalize_space(rest.substr(0, at)));
    rest = rest.substr(at);
  }
  pieces.push_back(utf8::normalize_space(rest));
  return pieces;
}

}  // namespace raci
