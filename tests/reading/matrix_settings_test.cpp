#include "reading/matrix_settings.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/source_location.h"
#include "reading/yaml_loader.h"

namespace raci {
namespace {

// Eleven lines: EM lists em-hire and em-plan, TL lists tl-hire and tl-code. Settings follow
// from line 12.
constexpr std::string_view kRoles =
    "roles:\n"
    "  - id: EM\n"
    "    name: Engineering Manager\n"
    "    duties:\n"
    "      - {id: em-hire, text: Hire engineers}\n"
    "      - {id: em-plan, text: Plan the sprint}\n"
    "  - id: TL\n"
    "    name: Technical Leader\n"
    "    duties:\n"
    "      - {id: tl-hire, text: Interview engineers}\n"
    "      - {id: tl-code, text: Review code}\n";

Model load(std::string_view settings) {
  return load_yaml(std::string(kRoles) + std::string(settings), "m.yaml");
}

// The error load_yaml reports for the roles above plus `settings`.
std::string error_of(std::string_view settings) {
  try {
    load(settings);
  } catch (const InputError& e) {
    return e.describe();
  }
  return "no error";
}

// ---- thresholds ----

TEST(MatrixSettings, KeepsTheDefaultThresholdsWithoutTheKey) {
  Thresholds thresholds = load("").thresholds;
  EXPECT_EQ(thresholds.related, 0);
  EXPECT_EQ(thresholds.duplicate, 0);
  EXPECT_EQ(thresholds.near_duplicate, 0);
  EXPECT_EQ(thresholds.max_responsible, 3);
  EXPECT_EQ(thresholds.overloaded_share, 0.6);
}

TEST(MatrixSettings, ReadsThresholds) {
  Thresholds thresholds = load(
                              "thresholds:\n"
                              "  related: 0.25\n"
                              "  duplicate: 0.6\n"
                              "  near_duplicate: 0.85\n"
                              "  max_responsible: 4\n"
                              "  overloaded_share: 0.75\n")
                              .thresholds;
  EXPECT_EQ(thresholds.related, 0.25);
  EXPECT_EQ(thresholds.duplicate, 0.6);
  EXPECT_EQ(thresholds.near_duplicate, 0.85);
  EXPECT_EQ(thresholds.max_responsible, 4);
  EXPECT_EQ(thresholds.overloaded_share, 0.75);
}

TEST(MatrixSettings, ReadsSomeThresholdsAndKeepsTheOthers) {
  Thresholds thresholds = load("thresholds: {duplicate: 1, overloaded_share: 1}\n").thresholds;
  EXPECT_EQ(thresholds.related, 0);
  EXPECT_EQ(thresholds.duplicate, 1);
  EXPECT_EQ(thresholds.max_responsible, 3);
  EXPECT_EQ(thresholds.overloaded_share, 1);
}

TEST(MatrixSettings, ReadsAnEmptyThresholdsKeyAsNoChange) {
  Thresholds thresholds = load("thresholds:\ntitle: Roles\n").thresholds;
  EXPECT_EQ(thresholds.max_responsible, 3);
  EXPECT_EQ(thresholds.overloaded_share, 0.6);
}

TEST(MatrixSettings, AcceptsAScoreJustAboveZero) {
  EXPECT_EQ(load("thresholds: {related: 0.0001}\n").thresholds.related, 0.0001);
}

TEST(MatrixSettings, RejectsAScoreOutOfRange) {
  EXPECT_EQ(error_of("thresholds:\n  related: 0\n"),
            "m.yaml:13:12: related must be a number above 0 and at most 1, found \"0\"");
  EXPECT_EQ(error_of("thresholds:\n  duplicate: 1.5\n"),
            "m.yaml:13:14: duplicate must be a number above 0 and at most 1, found \"1.5\"");
  EXPECT_EQ(error_of("thresholds:\n  near_duplicate: -0.2\n"),
            "m.yaml:13:19: near_duplicate must be a number above 0 and at most 1, found \"-0.2\"");
  EXPECT_EQ(error_of("thresholds:\n  overloaded_share: 60%\n"),
            "m.yaml:13:21: overloaded_share must be a number above 0 and at most 1, found \"60%\"");
  EXPECT_EQ(error_of("thresholds:\n  related: .nan\n"),
            "m.yaml:13:12: related must be a number above 0 and at most 1, found \".nan\"");
}

TEST(MatrixSettings, RejectsAResponsibleCountOutOfRange) {
  EXPECT_EQ(error_of("thresholds:\n  max_responsible: 0\n"),
            "m.yaml:13:20: max_responsible must be a number from 1 to 1000, found \"0\"");
  EXPECT_EQ(error_of("thresholds:\n  max_responsible: three\n"),
            "m.yaml:13:20: max_responsible must be a number from 1 to 1000, found \"three\"");
  EXPECT_EQ(error_of("thresholds:\n  max_responsible: 2.5\n"),
            "m.yaml:13:20: max_responsible must be a whole number, found \"2.5\"");
}

TEST(MatrixSettings, RejectsAThresholdThatIsNotANumber) {
  EXPECT_EQ(error_of("thresholds:\n  related: [0.2]\n"),
            "m.yaml:13:12: related must be a number above 0 and at most 1, found a list");
  EXPECT_EQ(error_of("thresholds:\n  max_responsible: {n: 2}\n"),
            "m.yaml:13:20: max_responsible must be a number from 1 to 1000, found a mapping");
  EXPECT_EQ(error_of("thresholds:\n  overloaded_share:\n"),
            "m.yaml:13:3: overloaded_share must be a number above 0 and at most 1, found nothing");
}

TEST(MatrixSettings, RejectsAnUnknownThreshold) {
  EXPECT_EQ(error_of("thresholds:\n  related: 0.2\n  similarity: 0.5\n"),
            "m.yaml:14:3: unknown key \"similarity\" (expected one of: related, duplicate, near_duplicate, "
            "max_responsible, overloaded_share)");
}

TEST(MatrixSettings, RejectsThresholdsThatAreNotAMapping) {
  EXPECT_EQ(error_of("thresholds: [0.2, 0.5]\n"), "m.yaml:12:13: thresholds must be a mapping, found a list");
}

TEST(MatrixSettings, RejectsADuplicateThresholdBelowTheRelatedOne) {
  EXPECT_EQ(error_of("thresholds:\n  duplicate: 0.3\n  related: 0.4\n"),
            "m.yaml:13:14: thresholds: duplicate (0.3) must not be below related (0.4)");
  EXPECT_EQ(load("thresholds:\n  duplicate: 0.4\n  related: 0.4\n").thresholds.duplicate, 0.4);
}

// ---- decisions ----

TEST(MatrixSettings, ReadsAMergeDecision) {
  Model model = load(
      "decisions:\n"
      "  - duties: [em-hire, tl-hire]\n"
      "    raci: {EM: r/a, TL: }\n"
      "    note: EM owns hiring; TL interviews\n");
  ASSERT_EQ(model.decisions.size(), 1u);
  const Decision& decision = model.decisions[0];
  EXPECT_EQ(decision.duties, (std::vector<std::string>{"em-hire", "tl-hire"}));
  EXPECT_TRUE(decision.merge);
  ASSERT_EQ(decision.raci.size(), 2u);
  EXPECT_EQ(decision.raci[0].first, "EM");
  EXPECT_EQ(decision.raci[0].second.to_string(), "A/R");
  EXPECT_EQ(decision.raci[1].first, "TL");
  EXPECT_TRUE(decision.raci[1].second.empty());
  EXPECT_EQ(decision.note, "EM owns hiring; TL interviews");
  EXPECT_EQ(decision.where.to_string(), "m.yaml:13:5");
}

TEST(MatrixSettings, RejectsAnUnknownRoleInADecision) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, tl-hire]\n"
                     "    raci: {EM: A/R, PM: C}\n"),
            "m.yaml:13:5: unknown role \"PM\" in raci of decision");
}

TEST(MatrixSettings, ReadsASeparateDecision) {
  Model model = load(
      "decisions:\n"
      "  - duties: [em-plan, tl-code]\n"
      "    separate: true\n"
      "  - note: two different things\n"
      "    separate: yes\n"
      "    duties:\n"
      "      - em-hire\n"
      "      - tl-hire\n");
  ASSERT_EQ(model.decisions.size(), 2u);
  EXPECT_FALSE(model.decisions[0].merge);
  EXPECT_TRUE(model.decisions[0].raci.empty());
  EXPECT_EQ(model.decisions[0].note, "");
  EXPECT_FALSE(model.decisions[1].merge);
  EXPECT_EQ(model.decisions[1].duties, (std::vector<std::string>{"em-hire", "tl-hire"}));
  EXPECT_EQ(model.decisions[1].note, "two different things");
  EXPECT_EQ(model.decisions[1].where.to_string(), "m.yaml:15:5");
}

TEST(MatrixSettings, ReadsDecisionsOnDerivedDutyIds) {
  Model model = load_yaml(
      "roles:\n"
      "  - {id: EM, name: Engineering Manager, duties: [Hire engineers]}\n"
      "  - {id: TL, name: Technical Leader, duties: [Interview engineers]}\n"
      "decisions:\n"
      "  - {duties: [em-hire-engineers, tl-interview-engineers], raci: {EM: A/R, TL: R}}\n",
      "m.yaml");
  ASSERT_EQ(model.decisions.size(), 1u);
  EXPECT_EQ(model.decisions[0].duties,
            (std::vector<std::string>{"em-hire-engineers", "tl-interview-engineers"}));
}

TEST(MatrixSettings, ReadsAnEmptyDecisionsKeyAsNone) {
  EXPECT_EQ(load("decisions:\n").decisions.size(), 0u);
  EXPECT_EQ(load("decisions: []\n").decisions.size(), 0u);
}

TEST(MatrixSettings, RejectsADecisionWithoutDuties) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - raci: {EM: A/R}\n"),
            "m.yaml:13:5: decision is missing \"duties\"");
}

TEST(MatrixSettings, RejectsADecisionOnOtherThanTwoDuties) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire]\n"
                     "    separate: true\n"),
            "m.yaml:13:13: a decision must name exactly two different duty ids, found 1");
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: em-hire\n"
                     "    separate: true\n"),
            "m.yaml:13:13: a decision must name exactly two different duty ids, found 1");
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, tl-hire, tl-code]\n"
                     "    separate: true\n"),
            "m.yaml:13:13: a decision must name exactly two different duty ids, found 3");
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, em-hire]\n"
                     "    separate: true\n"),
            "m.yaml:13:13: a decision must name exactly two different duty ids, found \"em-hire\" twice");
}

TEST(MatrixSettings, RejectsAnUnknownDutyInADecision) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, tl-hiring]\n"
                     "    separate: true\n"),
            "m.yaml:13:5: unknown duty \"tl-hiring\" in decision");
}

TEST(MatrixSettings, RejectsADecisionOnTwoDutiesOfOneRole) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, em-plan]\n"
                     "    raci: {EM: A/R}\n"),
            "m.yaml:13:5: decision joins two duties of role EM: a decision is about duties of two roles");
}

TEST(MatrixSettings, RejectsAPairDecidedTwice) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, tl-hire]\n"
                     "    raci: {EM: A/R, TL: R}\n"
                     "  - duties: [tl-hire, em-hire]\n"
                     "    separate: true\n"),
            "m.yaml:15:5: duties tl-hire and em-hire are decided twice (first at line 13)");
}

TEST(MatrixSettings, RejectsADutyMergedByTwoDecisions) {
  EXPECT_EQ(
      error_of("decisions:\n"
               "  - duties: [em-hire, tl-hire]\n"
               "    raci: {EM: A/R, TL: R}\n"
               "  - duties: [em-plan, tl-hire]\n"
               "    raci: {EM: A/R, TL: R}\n"),
      "m.yaml:15:5: duty tl-hire is already merged by the decision at line 13: a duty joins one merged row");
}

TEST(MatrixSettings, AcceptsADutyMergedOnceAndKeptApartOnce) {
  Model model = load(
      "decisions:\n"
      "  - duties: [em-hire, tl-hire]\n"
      "    raci: {EM: A/R, TL: R}\n"
      "  - duties: [em-plan, tl-hire]\n"
      "    separate: true\n");
  EXPECT_EQ(model.decisions.size(), 2u);
}

TEST(MatrixSettings, RejectsADecisionWithBothRaciAndSeparate) {
  EXPECT_EQ(
      error_of("decisions:\n"
               "  - duties: [em-hire, tl-hire]\n"
               "    raci: {EM: A/R}\n"
               "    separate: true\n"),
      "m.yaml:13:5: a decision needs either \"raci\" (merge into one row) or \"separate: true\" (keep two "
      "rows), not both");
}

TEST(MatrixSettings, RejectsADecisionWithNeitherRaciNorSeparate) {
  EXPECT_EQ(
      error_of("decisions:\n"
               "  - duties: [em-hire, tl-hire]\n"
               "    note: undecided\n"),
      "m.yaml:13:5: a decision needs either \"raci\" (merge into one row) or \"separate: true\" (keep two "
      "rows)");
  EXPECT_EQ(
      error_of("decisions:\n"
               "  - duties: [em-hire, tl-hire]\n"
               "    separate: false\n"),
      "m.yaml:13:5: a decision needs either \"raci\" (merge into one row) or \"separate: true\" (keep two "
      "rows)");
}

TEST(MatrixSettings, RejectsASeparateThatIsNotTrueOrFalse) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, tl-hire]\n"
                     "    separate: maybe\n"),
            "m.yaml:14:15: separate must be true or false");
}

TEST(MatrixSettings, RejectsInvalidLettersInADecision) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, tl-hire]\n"
                     "    raci: {EM: A/X, TL: R}\n"),
            "m.yaml:14:16: invalid letters \"A/X\" for role EM: expected a combination of R, A, C and I");
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, tl-hire]\n"
                     "    raci: {EM: [A, R]}\n"),
            "m.yaml:14:16: letters for role EM must be text, found a list");
}

TEST(MatrixSettings, RejectsARoleNamedTwiceInADecision) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, tl-hire]\n"
                     "    raci: {EM: A/R, TL: R, EM: C}\n"),
            "m.yaml:14:28: duplicate role \"EM\" in raci");
}

TEST(MatrixSettings, RejectsRaciThatIsNotAMapping) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, tl-hire]\n"
                     "    raci: A/R\n"),
            "m.yaml:14:11: raci must be a mapping, found text");
}

TEST(MatrixSettings, RejectsAnUnknownKeyInADecision) {
  EXPECT_EQ(error_of("decisions:\n"
                     "  - duties: [em-hire, tl-hire]\n"
                     "    accountable: EM\n"),
            "m.yaml:14:5: unknown key \"accountable\" (expected one of: duties, raci, separate, note)");
}

TEST(MatrixSettings, RejectsDecisionsThatAreNotAList) {
  EXPECT_EQ(error_of("decisions: {duties: [em-hire, tl-hire]}\n"),
            "m.yaml:12:12: decisions must be a list, found a mapping");
  EXPECT_EQ(error_of("decisions:\n  - merge em-hire and tl-hire\n"),
            "m.yaml:13:5: a decision must be a mapping, found text");
}

// ---- policy and lexicon inside a matrix ----

TEST(MatrixSettings, ReadsTheMatrixPolicy) {
  Model model = load(
      "policy:\n"
      "  themes:\n"
      "    - name: hiring\n"
      "      terms: [hire, interview]\n"
      "      accountable: TL\n"
      "      consulted: [EM]\n");
  ASSERT_TRUE(model.policy.has_value());
  ASSERT_EQ(model.policy->themes.size(), 1u);
  EXPECT_EQ(model.policy->themes[0].name, "hiring");
  EXPECT_EQ(model.policy->themes[0].terms, (std::vector<std::string>{"hire", "interview"}));
  EXPECT_EQ(model.policy->themes[0].accountable, std::vector<std::string>{"TL"});
  EXPECT_EQ(model.policy->themes[0].consulted, std::vector<std::string>{"EM"});
  EXPECT_FALSE(load("").policy.has_value());
}

TEST(MatrixSettings, ReportsAMatrixPolicyErrorInTheMatrixFile) {
  EXPECT_EQ(error_of("policy:\n"
                     "  themes:\n"
                     "    - name: hiring\n"),
            "m.yaml:14:7: theme \"hiring\" has no terms");
}

TEST(MatrixSettings, ReadsTheMatrixLexicon) {
  Model model = load(
      "lexicon:\n"
      "  synonyms:\n"
      "    - [squad, team]\n"
      "  phrases: [code review]\n");
  ASSERT_TRUE(model.lexicon.has_value());
  ASSERT_EQ(model.lexicon->synonyms.size(), 1u);
  EXPECT_EQ(model.lexicon->synonyms[0], (std::vector<std::string>{"squad", "team"}));
  EXPECT_EQ(model.lexicon->phrases, std::vector<std::string>{"code review"});
  EXPECT_FALSE(load("").lexicon.has_value());
}

TEST(MatrixSettings, ReadsSettingsBeforeTheRoles) {
  Model model = load_yaml(
      "thresholds: {max_responsible: 2}\n"
      "decisions:\n"
      "  - {duties: [em-a, tl-a], separate: true}\n"
      "roles:\n"
      "  - {id: EM, name: Engineering Manager, duties: [{id: em-a, text: Hire engineers}]}\n"
      "  - {id: TL, name: Technical Leader, duties: [{id: tl-a, text: Interview engineers}]}\n",
      "m.yaml");
  EXPECT_EQ(model.thresholds.max_responsible, 2);
  EXPECT_EQ(model.decisions.size(), 1u);
}

}  // namespace
}  // namespace raci
