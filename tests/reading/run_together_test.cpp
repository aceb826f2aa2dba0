#include "reading/run_together.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace raci {
namespace {

using Pieces = std::vector<std::string>;

Pieces split(std::string_view text) { return split_run_together(text, DutyStarters::embedded()); }

TEST(RunTogether, SplitsAfterAnAcronym) {
  EXPECT_EQ(split("Steer the squad towards quarterly OKRsReview and adjust priorities"),
            (Pieces{"Steer the squad towards quarterly OKRs", "Review and adjust priorities"}));
  EXPECT_EQ(split("Guide team to work towards company OKRsSeek and promote processes improvement"),
            (Pieces{"Guide team to work towards company OKRs", "Seek and promote processes improvement"}));
}

TEST(RunTogether, SplitsAfterALowerCaseWord) {
  EXPECT_EQ(split("Coach the engineers of the teamDrive the product roadmap"),
            (Pieces{"Coach the engineers of the team", "Drive the product roadmap"}));
}

TEST(RunTogether, SplitsAfterASentenceEnd) {
  EXPECT_EQ(split("Keep an eye on release plans.Ensure that incidents get a review"),
            (Pieces{"Keep an eye on release plans.", "Ensure that incidents get a review"}));
  EXPECT_EQ(split("Own the budget;Report spending monthly"),
            (Pieces{"Own the budget;", "Report spending monthly"}));
}

TEST(RunTogether, SplitsAfterADigit) {
  EXPECT_EQ(split("Deliver the Q3Plan the work of Q4"), (Pieces{"Deliver the Q3", "Plan the work of Q4"}));
}

TEST(RunTogether, SplitsThreeItemsRunTogether) {
  EXPECT_EQ(split("Align squadsShare knowledge widelyReview code often"),
            (Pieces{"Align squads", "Share knowledge widely", "Review code often"}));
}

TEST(RunTogether, LeavesASingleItemWhole) {
  EXPECT_EQ(split("Facilitate conflict management"), (Pieces{"Facilitate conflict management"}));
  EXPECT_EQ(split(""), (Pieces{""}));
}

TEST(RunTogether, TrimsThePieces) { EXPECT_EQ(split("  Mentor new hires  "), (Pieces{"Mentor new hires"})); }

TEST(RunTogether, KeepsCamelCaseProductNamesWhole) {
  for (const char* text :
       {"Track morale with OfficeVibe surveys", "Write JavaScript and TypeScript services",
        "Publish demos on YouTube monthly", "Open a McDonald franchise review",
        "Test the iPhone build nightly", "Share designs in PowerPoint decks",
        "Configure DataDogMonitor alerts for the squad", "Track PTOs in LinkedIn Learning"}) {
    EXPECT_EQ(split(text), (Pieces{text})) << text;
  }
}

TEST(RunTogether, KeepsACamelCaseNameInQuotesWhole) {
  EXPECT_EQ(split("Adopt the \"OfficeVibe\" survey"), (Pieces{"Adopt the \"OfficeVibe\" survey"}));
}

TEST(RunTogether, DoesNotSplitInsideParentheses) {
  EXPECT_EQ(split("Contribute to psychological safety (OfficeVibe reviews)"),
            (Pieces{"Contribute to psychological safety (OfficeVibe reviews)"}));
  EXPECT_EQ(split("Improve delivery (see the teamDrive notes) every quarter"),
            (Pieces{"Improve delivery (see the teamDrive notes) every quarter"}));
  EXPECT_EQ(split("Improve delivery [see the teamDrive notes] every quarter"),
            (Pieces{"Improve delivery [see the teamDrive notes] every quarter"}));
}

TEST(RunTogether, DoesNotSplitInsideQuotes) {
  EXPECT_EQ(split("Champion the \"one teamDrive the change\" motto"),
            (Pieces{"Champion the \"one teamDrive the change\" motto"}));
  EXPECT_EQ(split("Champion the “one teamDrive the change” motto"),
            (Pieces{"Champion the “one teamDrive the change” motto"}));
}

TEST(RunTogether, SplitsAfterClosedParentheses) {
  EXPECT_EQ(split("Run retrospectives (biweekly) with the teamDrive the follow-ups"),
            (Pieces{"Run retrospectives (biweekly) with the team", "Drive the follow-ups"}));
}

TEST(RunTogether, DoesNotSplitWhenASideWouldHaveOneWord) {
  EXPECT_EQ(split("teamDrive the roadmap"), (Pieces{"teamDrive the roadmap"}));
  EXPECT_EQ(split("Support the teamDrive"), (Pieces{"Support the teamDrive"}));
  EXPECT_EQ(split("OKRsSeek"), (Pieces{"OKRsSeek"}));
}

TEST(RunTogether, DoesNotSplitBeforeAWordThatStartsNoDuty) {
  EXPECT_EQ(split("Support the squadTeam rituals"), (Pieces{"Support the squadTeam rituals"}));
  EXPECT_EQ(split("Write the plans.Notes go in the wiki"), (Pieces{"Write the plans.Notes go in the wiki"}));
}

TEST(RunTogether, DoesNotSplitAnAbbreviation) {
  EXPECT_EQ(split("Use tools, e.g.Review boards and linters"),
            (Pieces{"Use tools, e.g.Review boards and linters"}));
}

TEST(RunTogether, HonoursTheStartersOfThePage) {
  const char* text = "Keep the backlog tidyShepherd incoming bugs daily";
  DutyStarters starters = DutyStarters::embedded();
  EXPECT_FALSE(starters.contains("shepherd"));
  EXPECT_EQ(split_run_together(text, starters), (Pieces{text}));
  starters.add("Shepherd");
  EXPECT_EQ(split_run_together(text, starters),
            (Pieces{"Keep the backlog tidy", "Shepherd incoming bugs daily"}));
}

TEST(RunTogether, StartersIgnoreCase) {
  DutyStarters starters;
  starters.add("SEEK");
  EXPECT_TRUE(starters.contains("seek"));
  EXPECT_TRUE(starters.contains("Seek"));
  EXPECT_FALSE(starters.contains("seeks"));
}

TEST(RunTogether, EmbeddedStartersHoldCommonDutyVerbsAndNoComments) {
  DutyStarters starters = DutyStarters::embedded();
  for (const char* verb :
       {"seek", "drive", "ensure", "conduct", "mentor", "review", "actively", "be", "remove", "decide"}) {
    EXPECT_TRUE(starters.contains(verb)) << verb;
  }
  EXPECT_FALSE(starters.contains("team"));
  EXPECT_FALSE(starters.contains("#"));
  EXPECT_FALSE(starters.contains(""));
}

TEST(RunTogether, EmptyStartersSplitNothing) {
  EXPECT_EQ(split_run_together("Guide team to company OKRsSeek and promote it", DutyStarters()),
            (Pieces{"Guide team to company OKRsSeek and promote it"}));
}

}  // namespace
}  // namespace raci
