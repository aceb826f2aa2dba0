#include "analysis/tokenizer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace raci {
namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : tokenize(text)) out.push_back(token.text);
  return out;
}

using Words = std::vector<std::string>;

TEST(Tokenizer, LowerCasesAsciiLatinGreekAndCyrillicLetters) {
  EXPECT_EQ(words("Équipe ÇA Über Łódź ŒUVRE İstanbul Ÿ"),
            (Words{"équipe", "ça", "über", "łódź", "œuvre", "istanbul", "ÿ"}));
  EXPECT_EQ(words("ΑΘΗΝΑ Москва"), (Words{"αθηνα", "москва"}));
  EXPECT_EQ(words("straße Ǎ"), (Words{"straße", "ǎ"}));
}

TEST(Tokenizer, KeepsNumberLikeTokens) {
  EXPECT_EQ(words("Hold regular 1:1's, 1:1s and 24/7 on-call for 2.5 days"),
            (Words{"hold", "regular", "1:1", "1:1", "and", "24/7", "on", "call", "for", "2.5", "days"}));
  EXPECT_EQ(words("the 1990s"), (Words{"the", "1990"}));
  EXPECT_EQ(words("1-on-1"), (Words{"1", "on", "1"}));
}

TEST(Tokenizer, SplitsHyphenatedAndSlashJoinedWordsMarkingThemJoined) {
  std::vector<Token> tokens = tokenize("cross-squads and/or engineering/squad needs");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].text, "cross");
  EXPECT_FALSE(tokens[0].joined);
  EXPECT_EQ(tokens[1].text, "squads");
  EXPECT_TRUE(tokens[1].joined);
  EXPECT_FALSE(tokens[1].after_break);
  EXPECT_TRUE(tokens[3].joined);   // "or"
  EXPECT_TRUE(tokens[5].joined);   // "squad"
  EXPECT_FALSE(tokens[6].joined);  // "needs"
}

TEST(Tokenizer, DropsPossessiveButKeepsContractions) {
  EXPECT_EQ(words("the individual's team’s goals, engineers' time, don’t"),
            (Words{"the", "individual", "team", "goals", "engineers", "time", "don't"}));
}

TEST(Tokenizer, MarksBreaksAtPunctuation) {
  std::vector<Token> tokens = tokenize("communication & blockers (OfficeVibe) \"technical debt\" a b");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_TRUE(tokens[0].after_break);   // first token
  EXPECT_TRUE(tokens[1].after_break);   // after '&'
  EXPECT_TRUE(tokens[2].after_break);   // after '('
  EXPECT_TRUE(tokens[3].after_break);   // after ') "'
  EXPECT_FALSE(tokens[4].after_break);  // "debt"
  EXPECT_TRUE(tokens[5].after_break);   // after '"'
  EXPECT_FALSE(tokens[6].after_break);
}

TEST(Tokenizer, RecordsByteOffsetsWithoutTheDroppedPossessive) {
  std::string text = "Café team’s";
  std::vector<Token> tokens = tokenize(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Café");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "team");
}

TEST(Tokenizer, TreatsSymbolsEmojiAndInvalidBytesAsSeparators) {
  EXPECT_EQ(words("plan→execute • ship 🚀 now\xff"
                  "later — done"),
            (Words{"plan", "execute", "ship", "now", "later", "done"}));
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize(" -/ ,.").empty());
}

TEST(Tokenizer, LowerCaseOfSingleCodePoints) {
  EXPECT_EQ(to_lower(U'A'), U'a');
  EXPECT_EQ(to_lower(U'×'), U'×');
  EXPECT_EQ(to_lower(U'Ā'), U'ā');
  EXPECT_EQ(to_lower(U'ā'), U'ā');
  EXPECT_EQ(to_lower(U'Ž'), U'ž');
  EXPECT_EQ(to_lower(U'Ω'), U'ω');
  EXPECT_EQ(to_lower(U'Ё'), U'ё');
  EXPECT_EQ(to_lower(U'中'), U'中');
  EXPECT_TRUE(is_word_char(U'中'));
  EXPECT_TRUE(is_word_char(U'é'));
  EXPECT_FALSE(is_word_char(U'–'));
  EXPECT_FALSE(is_word_char(0xFFFD));
}

}  // namespace
}  // namespace raci
