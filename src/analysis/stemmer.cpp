#include "analysis/stemmer.h"

#include <algorithm>
#include <stdexcept>

#include <libstemmer.h>

namespace raci {

void Stemmer::Deleter::operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", nullptr)) {
  if (!stemmer_) throw std::runtime_error("libstemmer has no English stemmer");
}

Stemmer::~Stemmer() = default;

const std::string& Stemmer::stem(const std::string& word) {
  auto found = cache_.find(word);
  if (found != cache_.end()) return found->second;
  std::string stemmed = word;
  // Numbers and codes ("1:1", "2024", "b2b") are names, not inflected words.
  bool has_digit = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!has_digit) {
    const sb_symbol* out = sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
    if (out != nullptr) {
      stemmed.assign(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer_.get())));
    }
  }
  return cache_.emplace(word, std::move(stemmed)).first->second;
}

}  // namespace raci
