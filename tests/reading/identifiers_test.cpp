#include "reading/identifiers.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace raci {
namespace {

TEST(Identifiers, RoleInitialsTakeTheFirstLetterOfEachWord) {
  EXPECT_EQ(role_initials("Engineering Manager"), "EM");
  EXPECT_EQ(role_initials("Technical Leader"), "TL");
  EXPECT_EQ(role_initials("Product Manager"), "PM");
  EXPECT_EQ(role_initials("staff data scientist"), "SDS");
}

TEST(Identifiers, RoleInitialsSkipConnectorWords) {
  EXPECT_EQ(role_initials("Head of Engineering"), "HE");
  EXPECT_EQ(role_initials("Director of Research and Development"), "DRD");
  EXPECT_EQ(role_initials("The Owner of the Roadmap"), "OR");
}

TEST(Identifiers, RoleInitialsKeepAnAcronymWordWhole) {
  EXPECT_EQ(role_initials("QA Lead"), "QAL");
  EXPECT_EQ(role_initials("VP Engineering"), "VPE");
  EXPECT_EQ(role_initials("L2 Support Engineer"), "L2SE");
}

TEST(Identifiers, RoleInitialsSplitWordsAtPunctuation) {
  EXPECT_EQ(role_initials("R&D Lead"), "RDL");
  EXPECT_EQ(role_initials("Site-Reliability Engineer"), "SRE");
  EXPECT_EQ(role_initials("  Scrum   Master  "), "SM");
}

TEST(Identifiers, RoleInitialsReadAccentedWordsAsOneWord) {
  EXPECT_EQ(role_initials("Développeur Principal"), "DP");
  EXPECT_EQ(role_initials("Responsable Qualité"), "RQ");
  EXPECT_EQ(role_initials("Ångström Lead"), "AL");
  EXPECT_EQ(role_initials("Équipe Lead"), "EL");
}

TEST(Identifiers, RoleInitialsOfANameWithoutLettersStartWithR) {
  EXPECT_EQ(role_initials(""), "R");
  EXPECT_EQ(role_initials("!!!"), "R");
  EXPECT_EQ(role_initials("42"), "R42");
  EXPECT_EQ(role_initials("3rd Line Support"), "R3LS");
  EXPECT_EQ(role_initials("Инженер"), "R");
}

TEST(Identifiers, RoleInitialsAreAlwaysAValidRoleIdWithRoomForASuffix) {
  std::string id = role_initials(
      "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen "
      "Fourteen Fifteen Sixteen Seventeen");
  EXPECT_EQ(id, "OTTFFSSENTETTF");
  EXPECT_TRUE(is_valid_role_id(id + "99"));
  for (const char* name : {"", "42", "Engineering Manager", "QA Lead", "Développeur", "-"}) {
    EXPECT_TRUE(is_valid_role_id(role_initials(name))) << name;
  }
}

TEST(Identifiers, ValidRoleIdStartsWithALetterAndHasUpTo16Characters) {
  EXPECT_TRUE(is_valid_role_id("EM"));
  EXPECT_TRUE(is_valid_role_id("x"));
  EXPECT_TRUE(is_valid_role_id("Tech_Lead-2"));
  EXPECT_TRUE(is_valid_role_id("ABCDEFGHIJKLMNOP"));
  EXPECT_FALSE(is_valid_role_id("ABCDEFGHIJKLMNOPQ"));
  EXPECT_FALSE(is_valid_role_id(""));
  EXPECT_FALSE(is_valid_role_id("1EM"));
  EXPECT_FALSE(is_valid_role_id("_EM"));
  EXPECT_FALSE(is_valid_role_id("-EM"));
  EXPECT_FALSE(is_valid_role_id("E M"));
  EXPECT_FALSE(is_valid_role_id("E.M"));
  EXPECT_FALSE(is_valid_role_id("É"));
}

TEST(Identifiers, ValidDutyIdHasUpTo64SafeCharacters) {
  EXPECT_TRUE(is_valid_duty_id("em-managerial-interviews"));
  EXPECT_TRUE(is_valid_duty_id("1"));
  EXPECT_TRUE(is_valid_duty_id("v1.2_x-y"));
  EXPECT_TRUE(is_valid_duty_id(std::string(64, 'a')));
  EXPECT_FALSE(is_valid_duty_id(std::string(65, 'a')));
  EXPECT_FALSE(is_valid_duty_id(""));
  EXPECT_FALSE(is_valid_duty_id("has space"));
  EXPECT_FALSE(is_valid_duty_id("em/duty"));
}

TEST(Identifiers, DutySlugIsTheRoleIdAndTheFirstContentWords) {
  EXPECT_EQ(duty_slug("EM", "Conduct managerial interviews for candidates"),
            "em-conduct-managerial-interviews-candidates");
  EXPECT_EQ(duty_slug("TL", "Conduct cross-squads communication"), "tl-conduct-cross-squads-communication");
}

TEST(Identifiers, DutySlugDropsStopWords) {
  EXPECT_EQ(duty_slug("PM", "Own the vision of a product and the roadmap"), "pm-own-vision-product-roadmap");
  EXPECT_EQ(duty_slug("PM", "Talk to an owner with data in hand"), "pm-talk-owner-data-hand");
}

TEST(Identifiers, DutySlugKeepsAtMostFiveWords) {
  EXPECT_EQ(duty_slug("QA", "Plan write run review and report every test"),
            "qa-plan-write-run-review-report");
}

TEST(Identifiers, DutySlugStaysWithin48Characters) {
  std::string slug = duty_slug("EM", "Internationalisation responsibilities characterisation");
  EXPECT_EQ(slug, "em-internationalisation-responsibilities");
  EXPECT_LE(slug.size(), 48u);
}

TEST(Identifiers, DutySlugIsLowerCaseAndSplitsAtPunctuation) {
  EXPECT_EQ(duty_slug("EM", "Hold regular 1:1's with ALL team members"), "em-hold-regular-1-1-s");
  EXPECT_EQ(duty_slug("TL", "Review APIs/SDKs"), "tl-review-apis-sdks");
}

TEST(Identifiers, DutySlugWithoutContentWordsEndsInDuty) {
  EXPECT_EQ(duty_slug("EM", "of the and"), "em-duty");
  EXPECT_EQ(duty_slug("EM", "…"), "em-duty");
}

TEST(Identifiers, DutySlugIsDeterministic) {
  const char* text = "Support the team to transform product roadmap into plans";
  EXPECT_EQ(duty_slug("EM", text), duty_slug("EM", text));
  EXPECT_EQ(duty_slug("EM", text), "em-support-team-transform-product-roadmap");
  EXPECT_TRUE(is_valid_duty_id(duty_slug("EM", text)));
}

TEST(Identifiers, UniqueIdsNumbersRoleIdsWithoutSeparator) {
  UniqueIds ids("");
  EXPECT_EQ(ids.unique("PM"), "PM");
  EXPECT_EQ(ids.unique("PM"), "PM2");
  EXPECT_EQ(ids.unique("PM"), "PM3");
  EXPECT_EQ(ids.unique("TL"), "TL");
}

TEST(Identifiers, UniqueIdsNumbersDutyIdsWithDash) {
  UniqueIds ids("-");
  EXPECT_EQ(ids.unique("em-plan"), "em-plan");
  EXPECT_EQ(ids.unique("em-plan"), "em-plan-2");
  EXPECT_EQ(ids.unique("em-plan"), "em-plan-3");
}

TEST(Identifiers, UniqueIdsSkipTakenVariants) {
  UniqueIds ids("");
  EXPECT_TRUE(ids.take("PM"));
  EXPECT_TRUE(ids.take("PM2"));
  EXPECT_EQ(ids.unique("PM"), "PM3");
}

TEST(Identifiers, UniqueIdsTakeReportsAnIdAlreadyUsed) {
  UniqueIds ids("-");
  EXPECT_TRUE(ids.take("a"));
  EXPECT_FALSE(ids.take("a"));
  EXPECT_EQ(ids.unique("a"), "a-2");
  EXPECT_FALSE(ids.take("a-2"));
}

}  // namespace
}  // namespace raci
