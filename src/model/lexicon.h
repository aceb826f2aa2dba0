#pragma once

#include <string>
#include <vector>

namespace raci {

/// The vocabulary the overlap search uses beyond plain words: plain data, filled from
/// src/data/lexicon.yaml and src/data/stop_words.txt, a matrix's `lexicon:` key or a
/// `--lexicon FILE` (see reading/lexicon_loader.h). Entries are written as a person
/// writes them ("one-on-one", "Decision making"); the analysis tokenises and stems them
/// the same way as duties, so "mentoring" matches the entry "mentor".
struct Lexicon {
  /// Groups of words or phrases that mean the same ({"mentor", "coach"}, {"1:1",
  /// "one-on-one"}); the first entry of a group is the canonical term the others map to.
  std::vector<std::vector<std::string>> synonyms;
  /// Multi-word terms kept as one term besides their words ("decision making",
  /// "technical debt", "on-call"); they may contain stop words.
  std::vector<std::string> phrases;
  /// Words that carry no meaning for the comparison ("the", "and", "etc").
  std::vector<std::string> stop_words;
  /// Words that say how a role takes part rather than what the work is ("support",
  /// "conduct", "lead", "actively"): two roles claiming one duty differ in exactly these,
  /// so they count for less (OverlapOptions::weak_word_weight) and form no phrases.
  std::vector<std::string> weak_words;
};

}  // namespace raci
