#include "reading/text_repair.h"

#include <optional>
#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace raci {
namespace {

TEST(TextRepair, RepairsARightQuoteDecodedAsWindows1252) {
  EXPECT_EQ(repair_mojibake("teamâ€™s"), std::optional<std::string>("team’s"));
  EXPECT_EQ(repair_mojibake("Reporting on your teamâ€™s status"),
            std::optional<std::string>("Reporting on your team’s status"));
}

TEST(TextRepair, RepairsATwoByteLetter) {
  EXPECT_EQ(repair_mojibake("Ã©"), std::optional<std::string>("é"));
  EXPECT_EQ(repair_mojibake("Run the cafÃ© meetups"), std::optional<std::string>("Run the café meetups"));
  EXPECT_EQ(repair_mojibake("Â£5 budget"), std::optional<std::string>("£5 budget"));
}

TEST(TextRepair, RepairsOtherWindows1252Punctuation) {
  EXPECT_EQ(repair_mojibake("plan â€“ execute â€” repeat â€œnowâ€\xC2\x9D"),
            std::optional<std::string>("plan – execute — repeat “now”"));
  EXPECT_EQ(repair_mojibake("and soâ€¦"), std::optional<std::string>("and so…"));
}

TEST(TextRepair, RepairsTextDecodedTwice) {
  EXPECT_EQ(repair_mojibake("teamÃ¢â‚¬â„¢s"), std::optional<std::string>("team’s"));
  EXPECT_EQ(repair_mojibake("cafÃƒÂ©"), std::optional<std::string>("café"));
}

TEST(TextRepair, RepairsEveryRunInTheText) {
  EXPECT_EQ(repair_mojibake("teamâ€™s and squadâ€™s"), std::optional<std::string>("team’s and squad’s"));
}

TEST(TextRepair, RepairsMojibakeNextToCorrectAccents) {
  EXPECT_EQ(repair_mojibake("café teamâ€™s"), std::optional<std::string>("café team’s"));
}

TEST(TextRepair, LeavesCorrectAccentedWordsAlone) {
  EXPECT_EQ(repair_mojibake("café"), std::nullopt);
  EXPECT_EQ(repair_mojibake("Ålesund"), std::nullopt);
  EXPECT_EQ(repair_mojibake("naïve"), std::nullopt);
  EXPECT_EQ(repair_mojibake("Visit the Ålesund office for a naïve café chat"), std::nullopt);
  EXPECT_EQ(repair_mojibake("SÃO PAULO"), std::nullopt);
  EXPECT_EQ(repair_mojibake("Ärger über Öl"), std::nullopt);
}

TEST(TextRepair, LeavesPlainAsciiAlone) {
  EXPECT_EQ(repair_mojibake(""), std::nullopt);
  EXPECT_EQ(repair_mojibake("Conduct managerial interviews for candidates"), std::nullopt);
}

TEST(TextRepair, LeavesEmojiAndOtherScriptsAlone) {
  EXPECT_EQ(repair_mojibake("Ship it 🚀 and celebrate 🎉"), std::nullopt);
  EXPECT_EQ(repair_mojibake("Команда 团队 チーム"), std::nullopt);
  EXPECT_EQ(repair_mojibake("team’s “quoted” – dash"), std::nullopt);
}

TEST(TextRepair, ChangedWordsGivesTheWholeWordsThatDiffer) {
  EXPECT_EQ(changed_words("Reporting on your teamâ€™s status", "Reporting on your team’s status"),
            std::make_pair(std::string("teamâ€™s"), std::string("team’s")));
}

TEST(TextRepair, ChangedWordsAtTheStartAndEnd) {
  EXPECT_EQ(changed_words("Ã‰quipe lead", "Équipe lead"),
            std::make_pair(std::string("Ã‰quipe"), std::string("Équipe")));
  EXPECT_EQ(changed_words("Run the cafÃ©", "Run the café"),
            std::make_pair(std::string("cafÃ©"), std::string("café")));
  EXPECT_EQ(changed_words("Ã©", "é"), std::make_pair(std::string("Ã©"), std::string("é")));
}

TEST(TextRepair, ChangedWordsSpansSeveralChangedWords) {
  EXPECT_EQ(changed_words("teamâ€™s and squadâ€™s work", "team’s and squad’s work"),
            std::make_pair(std::string("teamâ€™s and squadâ€™s"), std::string("team’s and squad’s")));
}

}  // namespace
}  // namespace raci
