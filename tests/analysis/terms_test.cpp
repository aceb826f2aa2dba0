#include "analysis/terms.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace raci {
namespace {

Lexicon test_lexicon() {
  Lexicon lexicon;
  lexicon.synonyms = {{"mentor", "coach"}, {"1:1", "one-on-one"}, {"performance review", "appraisal"}};
  lexicon.phrases = {"decision making", "on-call"};
  lexicon.stop_words = {"the", "and", "or", "on", "of", "to", "with", "one"};
  lexicon.weak_words = {"conduct", "facilitate", "actively"};
  return lexicon;
}

// "key" for each term, "key*" for weak words, "key (pair)" / "key (phrase)" for the others.
std::vector<std::string> terms_of(TermExtractor& extractor, std::string_view text) {
  std::vector<std::string> out;
  for (const TermOccurrence& term : extractor.extract(text).terms) {
    std::string shown = term.key;
    if (term.weak) shown += "*";
    if (term.kind == TermKind::kAdjacentPair) shown += " (pair)";
    if (term.kind == TermKind::kLexiconPhrase) shown += " (phrase)";
    out.push_back(shown);
  }
  return out;
}

using Terms = std::vector<std::string>;

TEST(TermExtractor, StemsAndDropsStopWords) {
  TermExtractor extractor(test_lexicon());
  EXPECT_EQ(terms_of(extractor, "Plans and budgets"), (Terms{"plan", "budget"}));
  EXPECT_EQ(terms_of(extractor, "the a"), Terms{});
}

TEST(TermExtractor, MapsSynonymsToTheFirstEntryOfTheirGroup) {
  TermExtractor extractor(test_lexicon());
  EXPECT_EQ(terms_of(extractor, "Coaching"), (Terms{"mentor"}));
  TermsOfText terms = extractor.extract("coaches");
  ASSERT_EQ(terms.terms.size(), 1u);
  EXPECT_EQ(terms.terms[0].written_key, "coach");
}

TEST(TermExtractor, MatchesMultiWordEntriesOnStemsWithStopWordsInside) {
  TermExtractor extractor(test_lexicon());
  EXPECT_EQ(terms_of(extractor, "weekly one-on-ones"), (Terms{"week", "week 1:1 (pair)", "1:1 (phrase)"}));
  EXPECT_EQ(terms_of(extractor, "Performance reviews"),
            (Terms{"perform", "perform review (phrase)", "review"}));
  EXPECT_EQ(terms_of(extractor, "Appraisals"), (Terms{"perform review"}));
  EXPECT_EQ(terms_of(extractor, "join on-call"), (Terms{"join", "on call (phrase)", "call"}));
}

TEST(TermExtractor, AddsLexiconPhrasesAndAdjacentPairs) {
  EXPECT_EQ(TermExtractor(test_lexicon()).stem_key("Decision-making"), "decis make");
  TermExtractor extractor(test_lexicon());
  EXPECT_EQ(terms_of(extractor, "decision-making"), (Terms{"decis", "decis make (phrase)", "make"}));
  EXPECT_EQ(terms_of(extractor, "cross-squads communication"),
            (Terms{"cross", "cross squad (pair)", "squad", "squad communic (pair)", "communic"}));
}

TEST(TermExtractor, FormsNoPairAcrossPunctuationStopWordsOrWeakWords) {
  TermExtractor extractor(test_lexicon());
  EXPECT_EQ(terms_of(extractor, "communication & blockers"), (Terms{"communic", "blocker"}));
  EXPECT_EQ(terms_of(extractor, "backlog of debts"), (Terms{"backlog", "debt"}));
  EXPECT_EQ(terms_of(extractor, "actively conduct interviews"), (Terms{"activ*", "conduct*", "interview"}));
}

TEST(TermExtractor, LexiconEntriesWithoutWordsAreIgnored) {
  Lexicon lexicon = test_lexicon();
  lexicon.synonyms.push_back({"--", "hire"});
  lexicon.phrases.push_back("!!");
  TermExtractor extractor(lexicon);
  EXPECT_EQ(terms_of(extractor, "hire"), (Terms{"hire"}));
  EXPECT_EQ(extractor.stem_key("--"), "");
}

}  // namespace
}  // namespace raci
