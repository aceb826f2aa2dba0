#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sb_stemmer;

namespace raci {

/// Snowball English (Porter2) stemming through Debian's libstemmer, with a cache: a
/// catalogue repeats the same few thousand words. Not thread-safe; use one per thread.
class Stemmer {
 public:
  /// Throws std::runtime_error when libstemmer has no English stemmer (a broken install).
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  /// The stem of one lower-case word: "mentoring" -> "mentor", "squads" -> "squad". Words
  /// holding a digit ("1:1", "2024") are returned unchanged; so is a word libstemmer cannot
  /// stem (it only fails when out of memory).
  const std::string& stem(const std::string& word);

 private:
  struct Deleter {
    void operator()(sb_stemmer* stemmer) const;
  };
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
  std::unordered_map<std::string, std::string> cache_;
};

}  // namespace raci
