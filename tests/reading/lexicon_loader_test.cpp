#include "reading/lexicon_loader.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/source_location.h"
#include "reading/yaml_support.h"

namespace raci {
namespace {

// The error load_lexicon_file reports for `text`, as the command line prints it.
std::string error_of(std::string_view text) {
  try {
    load_lexicon_file(text, "words.yaml");
  } catch (const InputError& e) {
    return e.describe();
  }
  return "no error";
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

using Strings = std::vector<std::string>;

TEST(LexiconLoader, ReadsSynonymsPhrasesStopWordsAndWeakWords) {
  Lexicon lexicon = load_lexicon_file(
      "synonyms:\n"
      "  - [mentor, coach]\n"
      "  - - \"1:1\"\n"
      "    - one-on-one\n"
      "phrases: [decision making, technical  debt]\n"
      "stop_words: [etc]\n"
      "weak_words: [support]\n",
      "words.yaml");
  EXPECT_EQ(lexicon.synonyms, (std::vector<Strings>{{"mentor", "coach"}, {"1:1", "one-on-one"}}));
  EXPECT_EQ(lexicon.phrases, (Strings{"decision making", "technical debt"}));
  EXPECT_EQ(lexicon.stop_words, (Strings{"etc"}));
  EXPECT_EQ(lexicon.weak_words, (Strings{"support"}));
}

TEST(LexiconLoader, EveryKeyIsOptional) {
  Lexicon lexicon = load_lexicon_file("phrases: [code review]\nsynonyms:\n", "words.yaml");
  EXPECT_TRUE(lexicon.synonyms.empty());
  EXPECT_EQ(lexicon.phrases, (Strings{"code review"}));
}

TEST(LexiconLoader, ReadsTheLexiconKeyOfAMatrix) {
  yaml::Document root = yaml::parse("roles: []\nlexicon:\n  synonyms: [[wiki, handbook]]\n", "m.yaml");
  Lexicon lexicon = read_lexicon(*root.root().find("lexicon"), "m.yaml");
  EXPECT_EQ(lexicon.synonyms, (std::vector<Strings>{{"wiki", "handbook"}}));
  try {
    yaml::Document bad = yaml::parse("roles: []\nlexicon:\n  synonym: []\n", "m.yaml");
    read_lexicon(*bad.root().find("lexicon"), "m.yaml");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(
        e.describe(),
        "m.yaml:3:3: unknown key \"synonym\" (expected one of: synonyms, phrases, stop_words, weak_words)");
  }
}

TEST(LexiconLoader, ReportsBadInputWithItsPlace) {
  EXPECT_EQ(
      error_of(""),
      "words.yaml:1: empty lexicon: expected a mapping with \"synonyms\", \"phrases\" or \"stop_words\"");
  EXPECT_EQ(error_of("synonyms: [mentor"), "words.yaml:1:1: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(error_of("- mentor\n"), "words.yaml:1:1: the lexicon must be a mapping, found a list");
  EXPECT_EQ(
      error_of("phrase: []\n"),
      "words.yaml:1:1: unknown key \"phrase\" (expected one of: synonyms, phrases, stop_words, weak_words)");
  EXPECT_EQ(error_of("phrases: []\nphrases: []\n"), "words.yaml:2:1: duplicate key \"phrases\"");
  EXPECT_EQ(error_of("synonyms: mentor\n"), "words.yaml:1:11: synonyms must be a list, found text");
  EXPECT_EQ(error_of("synonyms:\n  - mentor\n"),
            "words.yaml:2:5: a synonym group must be a list, found text");
  EXPECT_EQ(error_of("synonyms:\n  - [mentor]\n"),
            "words.yaml:2:5: a synonym group must list at least two entries");
  EXPECT_EQ(error_of("synonyms:\n  - [mentor, [coach]]\n"),
            "words.yaml:2:14: a synonym must be text, found a list");
  EXPECT_EQ(error_of("synonyms:\n  - [mentor, \" \"]\n"), "words.yaml:2:14: a synonym must not be empty");
  EXPECT_EQ(error_of("synonyms:\n  - [mentor, \"--\"]\n"), "words.yaml:2:14: a synonym \"--\" holds no word");
  EXPECT_EQ(error_of("synonyms:\n  - [mentor, coach]\n  - [hire, Coach]\n"),
            "words.yaml:3:12: \"Coach\" is already in the synonym group at line 2");
  EXPECT_EQ(error_of("phrases: [code review, {a: b}]\n"),
            "words.yaml:1:24: a phrase must be text, found a mapping");
  EXPECT_EQ(error_of("stop_words: the\n"), "words.yaml:1:13: stop_words must be a list, found text");
  EXPECT_EQ(error_of("weak_words: [\"\"]\n"), "words.yaml:1:14: a weak word must not be empty");
  EXPECT_EQ(error_of("[1]: x\n"), "words.yaml:1:1: keys must be text");
}

TEST(LexiconLoader, ReadsWordListsSkippingCommentsAndBlankLines) {
  EXPECT_EQ(read_word_list("# stop words\nthe\n\n  and  # a conjunction\r\nor"),
            (Strings{"the", "and", "or"}));
  EXPECT_TRUE(read_word_list("").empty());
}

TEST(LexiconLoader, EmbeddedLexiconHoldsTheBuiltInData) {
  Lexicon lexicon = embedded_lexicon();
  EXPECT_TRUE(std::any_of(lexicon.synonyms.begin(), lexicon.synonyms.end(), [](const Strings& group) {
    return contains(group, "mentor") && contains(group, "coach");
  }));
  EXPECT_TRUE(std::any_of(lexicon.synonyms.begin(), lexicon.synonyms.end(), [](const Strings& group) {
    return contains(group, "1:1") && contains(group, "one-on-one");
  }));
  EXPECT_TRUE(contains(lexicon.phrases, "decision making"));
  EXPECT_TRUE(contains(lexicon.phrases, "technical debt"));
  EXPECT_TRUE(contains(lexicon.stop_words, "the"));
  EXPECT_FALSE(contains(lexicon.stop_words, "own"));
  EXPECT_TRUE(contains(lexicon.weak_words, "support"));
}

TEST(LexiconLoader, MergeLetsExtraGroupsWinAndAddsTheRest) {
  Lexicon base;
  base.synonyms = {{"mentor", "coach", "tutor"}, {"hire", "recruit"}};
  base.phrases = {"code review"};
  base.stop_words = {"the"};
  Lexicon extra;
  extra.synonyms = {{"coach", "trainer"}, {"Recruit", "staff"}};
  extra.phrases = {"Code Review", "on-call"};
  extra.stop_words = {"etc"};
  extra.weak_words = {"own"};
  merge_lexicon(base, extra);
  EXPECT_EQ(base.synonyms,
            (std::vector<Strings>{{"mentor", "tutor"}, {"coach", "trainer"}, {"Recruit", "staff"}}));
  EXPECT_EQ(base.phrases, (Strings{"code review", "on-call"}));
  EXPECT_EQ(base.stop_words, (Strings{"the", "etc"}));
  EXPECT_EQ(base.weak_words, (Strings{"own"}));
}

}  // namespace
}  // namespace raci
