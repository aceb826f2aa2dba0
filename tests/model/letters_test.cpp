#include "model/letters.h"

#include <string>

#include <gtest/gtest.h>

namespace raci {
namespace {

// The canonical spelling of a parsed cell, or "invalid".
std::string canonical(std::string_view text) {
  std::optional<Letters> letters = Letters::parse(text);
  return letters ? letters->to_string() : "invalid";
}

TEST(Letters, WritesTheCanonicalOrderAccountableFirst) {
  EXPECT_EQ(Letters(Letters::kA | Letters::kR).to_string(), "A/R");
  EXPECT_EQ(Letters(Letters::kR | Letters::kA | Letters::kC | Letters::kI).to_string(), "A/R/C/I");
  EXPECT_EQ(Letters(Letters::kI | Letters::kC).to_string(), "C/I");
  EXPECT_EQ(Letters(Letters::kA | Letters::kC).to_string(), "A/C");
  EXPECT_EQ(Letters(Letters::kR | Letters::kI).to_string(), "R/I");
  EXPECT_EQ(Letters(Letters::kR).to_string(), "R");
  EXPECT_EQ(Letters(Letters::kA).to_string(), "A");
  EXPECT_EQ(Letters(Letters::kC).to_string(), "C");
  EXPECT_EQ(Letters(Letters::kI).to_string(), "I");
}

TEST(Letters, WritesTheEmptyCellAsEmptyText) {
  EXPECT_EQ(Letters().to_string(), "");
  EXPECT_TRUE(Letters().empty());
}

TEST(Letters, ParsesAnyOrderToTheSameCell) {
  for (std::string_view text : {"A/R", "AR", "R/A", "RA", "ra", "aR", "r/a"}) {
    SCOPED_TRACE(text);
    std::optional<Letters> letters = Letters::parse(text);
    ASSERT_TRUE(letters.has_value());
    EXPECT_EQ(*letters, Letters(Letters::kA | Letters::kR));
    EXPECT_TRUE(letters->has(Letters::kA));
    EXPECT_TRUE(letters->has(Letters::kR));
    EXPECT_FALSE(letters->has(Letters::kC));
    EXPECT_FALSE(letters->has(Letters::kI));
  }
}

TEST(Letters, ParsesCaseInsensitively) {
  EXPECT_EQ(canonical("i"), "I");
  EXPECT_EQ(canonical("c"), "C");
  EXPECT_EQ(canonical("iCrA"), "A/R/C/I");
}

TEST(Letters, AcceptsSeparators) {
  EXPECT_EQ(canonical("A, R"), "A/R");
  EXPECT_EQ(canonical("A+R"), "A/R");
  EXPECT_EQ(canonical("C I"), "C/I");
  EXPECT_EQ(canonical("\tC\t/ I "), "C/I");
  EXPECT_EQ(canonical("R//A"), "A/R");
}

TEST(Letters, IgnoresARepeatedLetter) { EXPECT_EQ(canonical("RRa"), "A/R"); }

TEST(Letters, ParsesEmptyAndDashAsTheEmptyCell) {
  for (std::string_view text : {"", "-", " ", "/"}) {
    SCOPED_TRACE(text);
    std::optional<Letters> letters = Letters::parse(text);
    ASSERT_TRUE(letters.has_value());
    EXPECT_TRUE(letters->empty());
    EXPECT_EQ(*letters, Letters());
  }
}

TEST(Letters, RejectsOtherCharacters) {
  for (std::string_view text : {"X", "AZ", "A-R", "--", "- ", "R;A", "A.R", "1", "é", "Accountable"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(Letters::parse(text).has_value());
  }
}

TEST(Letters, RoundTripsEveryCell) {
  for (unsigned bits = 0; bits < 16; ++bits) {
    Letters letters(static_cast<std::uint8_t>(bits));
    std::optional<Letters> parsed = Letters::parse(letters.to_string());
    ASSERT_TRUE(parsed.has_value()) << bits;
    EXPECT_EQ(*parsed, letters) << bits;
  }
}

TEST(Letters, KeepsOnlyTheFourLetterBits) {
  EXPECT_EQ(Letters(0xFF).bits(), 0xF);
  EXPECT_EQ((Letters(Letters::kA) | Letters(Letters::kI)).to_string(), "A/I");
}

}  // namespace
}  // namespace raci
