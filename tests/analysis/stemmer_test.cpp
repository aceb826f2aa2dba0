#include "analysis/stemmer.h"

#include <gtest/gtest.h>

namespace raci {
namespace {

TEST(Stemmer, StemsEnglishInflectionsWithSnowball) {
  Stemmer stemmer;
  EXPECT_EQ(stemmer.stem("mentoring"), "mentor");
  EXPECT_EQ(stemmer.stem("mentors"), "mentor");
  EXPECT_EQ(stemmer.stem("squads"), "squad");
  EXPECT_EQ(stemmer.stem("communication"), "communic");
  EXPECT_EQ(stemmer.stem("hiring"), "hire");
  EXPECT_EQ(stemmer.stem("debts"), "debt");
  EXPECT_EQ(stemmer.stem("making"), "make");
  EXPECT_EQ(stemmer.stem("decision"), "decis");
}

TEST(Stemmer, LeavesWordsWithDigitsAlone) {
  Stemmer stemmer;
  EXPECT_EQ(stemmer.stem("1:1"), "1:1");
  EXPECT_EQ(stemmer.stem("2024"), "2024");
  EXPECT_EQ(stemmer.stem("b2bs"), "b2bs");
}

TEST(Stemmer, HandlesNonAsciiAndRepeatedWords) {
  Stemmer stemmer;
  EXPECT_EQ(stemmer.stem("café"), "café");
  EXPECT_EQ(stemmer.stem("reviews"), stemmer.stem("reviews"));
  EXPECT_EQ(stemmer.stem(""), "");
}

}  // namespace
}  // namespace raci
