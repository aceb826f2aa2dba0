#include "reading/identifiers.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "reading/utf8.h"

namespace raci {

namespace {

constexpr std::array<std::string_view, 12> kConnectors = {"of", "and", "the", "for", "to", "in",
                                                          "on", "at",  "a",   "an",  "or", "with"};

constexpr std::array<std::string_view, 10> kSlugStopWords = {"a",  "an",  "and", "the", "of",
                                                             "to", "for", "on",  "in",  "with"};

bool ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// The words of a role name: runs of ASCII letters and digits and of non-ASCII characters,
// so that "Développeur" is one word, not "D" and "veloppeur".
std::vector<std::string> name_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) {
      current += c;
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// The upper-case ASCII letter or digit a word starts with, Latin-1 accents dropped
// ("Élodie" -> 'E'); 0 when it starts with anything else (other scripts, symbols).
char initial_of(std::string_view word) {
  // U+00C0..U+00FF without their accents; '_' for the signs × and ÷.
  constexpr std::string_view kLatin1Letters =
      "AAAAAAACEEEEIIIIDNOOOOO_OUUUUYTSAAAAAAACEEEEIIIIDNOOOOO_OUUUUYTY";
  char32_t first = utf8::decode(word).front();
  char initial = 0;
  if (first < 0x80) {
    initial = static_cast<char>(first);
  } else if (first >= 0xC0 && first <= 0xFF) {
    initial = kLatin1Letters[first - 0xC0];
  }
  if (!ascii_alnum(initial)) return 0;
  return static_cast<char>(std::toupper(static_cast<unsigned char>(initial)));
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

bool is_valid_role_id(std::string_view id) {
  if (id.empty() || id.size() > 16) return false;
  if (!std::isalpha(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return ascii_alnum(c) || c == '_' || c == '-'; });
}

std::string role_initials(std::string_view name) {
  std::string id;
  for (const std::string& word : name_words(name)) {
    if (contains(kConnectors, lower(word))) continue;
    bool acronym =
        word.size() > 1 && std::all_of(word.begin(), word.end(), [](char c) {
          return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
        });
    if (acronym) {
      id += word;
    } else if (char initial = initial_of(word)) {
      id += initial;
    }
  }
  if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) id = "R" + id;
  if (id.size() > 14) id.resize(14);  // room for a uniqueness suffix within 16
  return id;
}

bool is_valid_duty_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return ascii_alnum(c) || c == '_' || c == '-' || c == '.'; });
}

std::string duty_slug(std::string_view role_id, std::string_view text) {
  // One pass over the text: a slug is made for every duty of a large catalogue.
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  auto lower_char = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; };
  std::string slug = lower(role_id);
  std::string word;
  int kept = 0;
  for (std::size_t i = 0; i < text.size() && kept < 5;) {
    if (!alnum(text[i])) {
      ++i;
      continue;
    }
    word.clear();
    for (; i < text.size() && alnum(text[i]); ++i) word += lower_char(text[i]);
    if (contains(kSlugStopWords, word)) continue;
    if (slug.size() + 1 + word.size() > 48) break;
    slug += '-';
    slug += word;
    ++kept;
  }
  if (kept == 0) slug += "-duty";
  return slug;
}

std::string UniqueIds::unique(const std::string& base) {
  if (take(base)) return base;
  for (int n = 2;; ++n) {
    std::string candidate = fmt::format("{}{}{}", base, separator_, n);
    if (take(candidate)) return candidate;
  }
}

}  // namespace raci
