#include "analysis/assignment.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "analysis/pipeline.h"
#include "reading/input.h"
#include "reading/yaml_loader.h"

namespace raci {
namespace {

// Lowercase words split on spaces: enough to match themes without the overlap engine.
std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

const TermFunction kWords = split_words;

// A matrix with the roles EM (Engineering Manager), TL (Technical Leader) and PM (Product
// Manager); each argument is that role's `duties:` value, `extra` more top-level keys.
Model matrix(std::string_view em, std::string_view tl, std::string_view pm = "",
             std::string_view extra = "") {
  return load_yaml(fmt::format("roles:\n"
                               "  - id: EM\n"
                               "    name: Engineering Manager\n"
                               "    duties: {}\n"
                               "  - id: TL\n"
                               "    name: Technical Leader\n"
                               "    duties: {}\n"
                               "  - id: PM\n"
                               "    name: Product Manager\n"
                               "    duties: {}\n"
                               "{}",
                               em, tl, pm, extra),
                   "m.yaml");
}

PolicyTheme theme(std::string name, std::vector<std::string> terms, std::vector<std::string> accountable,
                  std::vector<std::string> consulted = {}, std::vector<std::string> informed = {}) {
  return {std::move(name), std::move(terms), std::move(accountable), std::move(consulted),
          std::move(informed)};
}

// hiring: EM accountable, TL consulted, PM informed; technical: TL accountable, EM consulted.
Policy two_themes() {
  return {{theme("hiring", {"hire", "interview"}, {"EM"}, {"TL"}, {"PM"}),
           theme("technical", {"code", "architecture"}, {"TL"}, {"EM"})}};
}

std::size_t duty_index(const Model& model, std::string_view id) {
  for (std::size_t d = 0; d < model.duties.size(); ++d) {
    if (model.duties[d].id == id) return d;
  }
  ADD_FAILURE() << "no duty " << id;
  return 0;
}

Overlap overlap(OverlapKind kind, const Model& model, std::string_view a, std::string_view b) {
  Overlap overlap;
  overlap.kind = kind;
  overlap.score = kind == OverlapKind::kDuplicate ? 0.9 : 0.3;
  overlap.duty_a = std::min(duty_index(model, a), duty_index(model, b));
  overlap.duty_b = std::max(duty_index(model, a), duty_index(model, b));
  return overlap;
}

// The cells of a row that say something: "EM A/R policy:hiring, TL R listing-role".
std::string cells_of(const Matrix& matrix, const MatrixRow& row) {
  std::string out;
  for (const RoleCell& role_cell : row.cells) {
    const Cell& cell = role_cell.cell;
    if (cell.letters.empty() && cell.origin == CellOrigin::kNone) continue;
    bool themed = cell.origin == CellOrigin::kPolicy && !row.theme.empty();
    out +=
        fmt::format("{}{} {} {}{}", out.empty() ? "" : ", ", matrix.roles[role_cell.role].id,
                    cell.letters.to_string(), cell_origin_name(cell.origin), themed ? ":" + row.theme : "");
  }
  return out;
}

// "id: cells" per row, in order.
std::vector<std::string> rows_of(const Matrix& matrix) {
  std::vector<std::string> rows;
  for (const MatrixRow& row : matrix.rows) rows.push_back(row.id + ": " + cells_of(matrix, row));
  return rows;
}

const MatrixRow& row_named(const Matrix& matrix, std::string_view id) {
  for (const MatrixRow& row : matrix.rows) {
    if (row.id == id) return row;
  }
  ADD_FAILURE() << "no row " << id;
  return matrix.rows.front();
}

// ---- the policy rules, one duty at a time ----

TEST(Assignment, ExplicitLettersWinOverThePolicy) {
  Model model = matrix("[{id: em-hire, text: hire engineers, raci: {TL: A/R, PM: c}}]", "");
  Assignment assignment = assign_matrix(model, {}, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix), std::vector<std::string>{"em-hire: TL A/R explicit, PM C explicit"});
  EXPECT_EQ(assignment.matrix.rows[0].theme, "");
}

TEST(Assignment, MakesTheListingRoleResponsibleAndTheThemeAccountableAccountable) {
  Model model = matrix("", "[{id: tl-hire, text: interview candidates}]");
  Assignment assignment = assign_matrix(model, {}, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            std::vector<std::string>{"tl-hire: EM A policy:hiring, TL R listing-role, PM I policy:hiring"});
  EXPECT_EQ(assignment.matrix.rows[0].theme, "hiring");
}

TEST(Assignment, GivesATheThemeAccountableThatListsTheDutyAR) {
  Model model = matrix("[{id: em-hire, text: hire engineers}]", "");
  Assignment assignment = assign_matrix(model, {}, two_themes(), kWords);
  EXPECT_EQ(
      rows_of(assignment.matrix),
      std::vector<std::string>{"em-hire: EM A/R policy:hiring, TL C policy:hiring, PM I policy:hiring"});
}

TEST(Assignment, GivesEveryConsultedRoleCAndEveryInformedRoleI) {
  Model model = matrix("[{id: em-plan, text: plan the release}]", "");
  Policy policy{{theme("delivery", {"release"}, {"EM"}, {"TL", "PM"}, {"QA"})}};
  Assignment assignment = assign_matrix(model, {}, policy, kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            std::vector<std::string>{"em-plan: EM A/R policy:delivery, TL C policy:delivery, PM C "
                                     "policy:delivery"});
}

TEST(Assignment, KeepsTheLettersOfARoleAlreadyInvolved) {
  // TL lists the duty (R) and is named consulted and informed as well: it stays R.
  Model model = matrix("", "[{id: tl-plan, text: plan the release}]");
  Policy policy{{theme("delivery", {"release"}, {"EM"}, {"TL", "PM"}, {"TL", "PM"})}};
  Assignment assignment = assign_matrix(model, {}, policy, kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            std::vector<std::string>{"tl-plan: EM A policy:delivery, TL R listing-role, PM C "
                                     "policy:delivery"});
}

TEST(Assignment, MakesTheListingRoleAccountableWhenNoThemeMatches) {
  Model model = matrix("", "[{id: tl-lunch, text: order team lunch}]");
  Assignment assignment = assign_matrix(model, {}, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix), std::vector<std::string>{"tl-lunch: TL A/R listing-role"});
  EXPECT_EQ(assignment.matrix.rows[0].theme, "");
}

TEST(Assignment, MakesTheListingRoleAccountableWithAnEmptyPolicy) {
  Model model = matrix("[{id: em-hire, text: hire engineers}]", "[{id: tl-code, text: review code}]");
  Assignment assignment = assign_matrix(model, {}, Policy{}, kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            (std::vector<std::string>{"em-hire: EM A/R listing-role", "tl-code: TL A/R listing-role"}));
}

TEST(Assignment, MakesTheListingRoleAccountableWhenTheThemeNamesNoRoleOfTheMatrix) {
  Model model = matrix("", "[{id: tl-data, text: curate the data catalogue}]");
  Policy policy{{theme("data", {"data"}, {"DL", "Data Lead"}, {"Analyst"}, {"CDO"})}};
  Assignment assignment = assign_matrix(model, {}, policy, kWords);
  EXPECT_EQ(rows_of(assignment.matrix), std::vector<std::string>{"tl-data: TL A/R listing-role"});
}

TEST(Assignment, TakesTheFirstAccountableCandidateTheMatrixHas) {
  Model model = matrix("[{id: em-spec, text: write the requirement}]", "");
  Policy policy{{theme("product", {"requirement"}, {"PO", "Product Owner", "PM", "EM"})}};
  Assignment assignment = assign_matrix(model, {}, policy, kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            std::vector<std::string>{"em-spec: EM R listing-role, PM A policy:product"});
}

TEST(Assignment, MatchesRolesByIdOrNameIgnoringCase) {
  Model model = matrix("[{id: em-code, text: review code}]", "");
  for (std::string name : {"TL", "tl", "Technical Leader", "TECHNICAL LEADER", "technical leader"}) {
    Policy policy{{theme("technical", {"code"}, {name}, {"product manager"})}};
    Assignment assignment = assign_matrix(model, {}, policy, kWords);
    EXPECT_EQ(
        rows_of(assignment.matrix),
        std::vector<std::string>{"em-code: EM R listing-role, TL A policy:technical, PM C policy:technical"})
        << name;
  }
}

// ---- choosing the theme ----

TEST(Assignment, PrefersTheThemeWithMostMatchedTermWords) {
  Policy policy{{theme("delivery", {"plan"}, {"EM"}), theme("hiring", {"hiring plan"}, {"EM"}),
                 theme("people", {"team", "review"}, {"EM"})}};
  ThemeMatcher matcher(policy, kWords);
  EXPECT_EQ(matcher.best_theme(split_words("update the hiring plan")), 1);
  EXPECT_EQ(matcher.best_theme(split_words("review the hiring plan with the team")),
            1);  // 2 words each: earlier
  EXPECT_EQ(matcher.best_theme(split_words("review the plan with the team")), 2);
}

TEST(Assignment, PrefersTheEarlierThemeOnATie) {
  Policy policy{{theme("delivery", {"plan"}, {"EM"}), theme("technical", {"code"}, {"TL"})}};
  ThemeMatcher matcher(policy, kWords);
  EXPECT_EQ(matcher.best_theme(split_words("plan the code review")), 0);
  EXPECT_EQ(matcher.best_theme(split_words("code the plan")), 0);
}

TEST(Assignment, MatchesAPhraseOnlyAsConsecutiveWords) {
  Policy policy{{theme("hiring", {"hiring plan"}, {"EM"})}};
  ThemeMatcher matcher(policy, kWords);
  EXPECT_EQ(matcher.best_theme(split_words("plan the hiring")), -1);
  EXPECT_EQ(matcher.best_theme(split_words("a hiring and a plan")), -1);
  EXPECT_EQ(matcher.best_theme(split_words("the hiring plan")), 0);
}

TEST(Assignment, FindsNoThemeWithoutASharedTerm) {
  ThemeMatcher matcher(two_themes(), kWords);
  EXPECT_EQ(matcher.best_theme(split_words("order team lunch")), -1);
  EXPECT_EQ(matcher.best_theme({}), -1);
}

TEST(Assignment, AssignsTheBestThemeToADuty) {
  Model model = matrix("", "[{id: tl-both, text: interview candidates on code and architecture}]");
  Assignment assignment = assign_matrix(model, {}, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            std::vector<std::string>{"tl-both: EM C policy:technical, TL A/R policy:technical"});
  EXPECT_EQ(assignment.matrix.rows[0].theme, "technical");
}

// ---- overlaps ----

TEST(Assignment, MergesADuplicatePairIntoOneRow) {
  Model model = matrix("[{id: em-hire, text: hire engineers}, {id: em-lunch, text: order lunch}]",
                       "[{id: tl-hire, text: hire developers}]");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kDuplicate, model, "em-hire", "tl-hire")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            (std::vector<std::string>{
                "em-hire: EM A/R policy:hiring, TL R listing-role, PM I policy:hiring",
                "em-lunch: EM A/R listing-role",
            }));
  const MatrixRow& row = assignment.matrix.rows[0];
  EXPECT_EQ(row.text, "hire engineers");
  EXPECT_EQ(row.duty, duty_index(model, "em-hire"));
  EXPECT_EQ(row.merged, std::vector<std::size_t>{duty_index(model, "tl-hire")});
  EXPECT_EQ(row.related, std::vector<std::string>{});
  ASSERT_EQ(assignment.outcomes.size(), 1u);
  EXPECT_TRUE(assignment.outcomes[0].merged);
  EXPECT_FALSE(assignment.outcomes[0].decided);
  EXPECT_EQ(assignment.outcomes[0].resolution,
            "merged: EM accountable by policy (hiring); confirm and record a decision");
}

TEST(Assignment, MergesADuplicateTheThemeOfEitherDutyMatches) {
  // Only TL's wording names the theme; the merged row still matches it.
  Model model = matrix("[{id: em-talk, text: talk to people}]", "[{id: tl-talk, text: interview people}]");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kDuplicate, model, "em-talk", "tl-talk")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            std::vector<std::string>{"em-talk: EM A/R policy:hiring, TL R listing-role, PM I policy:hiring"});
}

TEST(Assignment, MakesTheFirstListingRoleAccountableForADuplicateNoThemeMatches) {
  Model model = matrix("[{id: em-lunch, text: order lunch}]", "[{id: tl-lunch, text: order team lunch}]");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kDuplicate, model, "em-lunch", "tl-lunch")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            std::vector<std::string>{"em-lunch: EM A/R listing-role, TL R listing-role"});
  EXPECT_EQ(assignment.outcomes[0].resolution,
            "merged: EM accountable as the listing role (no policy theme matched); confirm and record a decision");
}

TEST(Assignment, DoesNotMergeASecondDutyOfARoleIntoARow) {
  Model model = matrix("[{id: em-hire, text: hire engineers}, {id: em-hire2, text: hire more engineers}]",
                       "[{id: tl-hire, text: hire developers}]");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kDuplicate, model, "em-hire", "tl-hire"),
                                overlap(OverlapKind::kDuplicate, model, "em-hire2", "tl-hire")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(
      rows_of(assignment.matrix),
      (std::vector<std::string>{"em-hire: EM A/R policy:hiring, TL R listing-role, PM I policy:hiring",
                                "em-hire2: EM A/R policy:hiring, TL C policy:hiring, PM I policy:hiring"}));
  EXPECT_EQ(row_named(assignment.matrix, "em-hire").related, std::vector<std::string>{"em-hire2"});
  EXPECT_EQ(row_named(assignment.matrix, "em-hire2").related, std::vector<std::string>{"em-hire"});
  EXPECT_TRUE(assignment.outcomes[0].merged);
  EXPECT_FALSE(assignment.outcomes[1].merged);
  EXPECT_EQ(assignment.outcomes[1].resolution,
            "not merged (a duty of that role is already merged here); cross-referenced");
}

TEST(Assignment, CrossReferencesARelatedPairAndConsultsEachRoleOnTheOther) {
  Model model = matrix("[{id: em-lunch, text: order lunch}]", "[{id: tl-drinks, text: order drinks}]");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kRelated, model, "em-lunch", "tl-drinks")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            (std::vector<std::string>{"em-lunch: EM A/R listing-role, TL C overlap",
                                      "tl-drinks: EM C overlap, TL A/R listing-role"}));
  EXPECT_EQ(assignment.matrix.rows[0].related, std::vector<std::string>{"tl-drinks"});
  EXPECT_EQ(assignment.matrix.rows[1].related, std::vector<std::string>{"em-lunch"});
  EXPECT_EQ(assignment.matrix.rows[0].merged, std::vector<std::size_t>{});
  EXPECT_FALSE(assignment.outcomes[0].merged);
  EXPECT_FALSE(assignment.outcomes[0].decided);
  EXPECT_EQ(assignment.outcomes[0].resolution,
            "related: separate rows, cross-referenced, each role consulted");
}

TEST(Assignment, KeepsTheLettersARoleHasOnARelatedRow) {
  // TL is already consulted on em-hire by the hiring theme; EM already consulted on tl-code.
  Model model = matrix("[{id: em-hire, text: hire engineers}]", "[{id: tl-code, text: review code}]");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kRelated, model, "em-hire", "tl-code")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            (std::vector<std::string>{"em-hire: EM A/R policy:hiring, TL C policy:hiring, PM I policy:hiring",
                                      "tl-code: EM C policy:technical, TL A/R policy:technical"}));
}

TEST(Assignment, CrossReferencesButDoesNotConsultOnExplicitRows) {
  Model model =
      matrix("[{id: em-lunch, text: order lunch, raci: {EM: A/R}}]", "[{id: tl-drinks, text: order drinks}]");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kRelated, model, "em-lunch", "tl-drinks")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            (std::vector<std::string>{"em-lunch: EM A/R explicit",
                                      "tl-drinks: EM C overlap, TL A/R listing-role"}));
  EXPECT_EQ(assignment.matrix.rows[0].related, std::vector<std::string>{"tl-drinks"});
  EXPECT_EQ(assignment.matrix.rows[1].related, std::vector<std::string>{"em-lunch"});
}

TEST(Assignment, MergesADuplicateWithExplicitLettersUsingThem) {
  Model model = matrix("[{id: em-hire, text: hire engineers}]",
                       "[{id: tl-hire, text: hire developers, raci: {TL: A/R, EM: R}}]");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kDuplicate, model, "em-hire", "tl-hire")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix), std::vector<std::string>{"em-hire: EM R explicit, TL A/R explicit"});
  EXPECT_TRUE(assignment.outcomes[0].merged);
  EXPECT_EQ(assignment.outcomes[0].resolution, "merged: EM R, TL A/R (explicit letters)");
}

TEST(Assignment, SaysExplicitLettersEvenWhenTheyLeaveOutTheFirstRole) {
  Model model = matrix("[{id: em-hire, text: hire engineers}]",
                       "[{id: tl-hire, text: hire developers, raci: {TL: A/R, PM: I}}]");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kDuplicate, model, "em-hire", "tl-hire")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix), std::vector<std::string>{"em-hire: TL A/R explicit, PM I explicit"});
  EXPECT_EQ(assignment.outcomes[0].resolution, "merged: TL A/R, PM I (explicit letters)");
}

TEST(Assignment, KeepsTwoDutiesWithExplicitLettersSeparate) {
  // Merging would drop one duty's letters, and explicit letters win for their duty.
  Model model = matrix("[{id: em-hire, text: hire engineers, raci: {EM: A/R}}]",
                       "[{id: tl-hire, text: hire developers, raci: {TL: A/R}}]");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kDuplicate, model, "em-hire", "tl-hire")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            (std::vector<std::string>{"em-hire: EM A/R explicit", "tl-hire: TL A/R explicit"}));
  EXPECT_EQ(assignment.matrix.rows[0].related, std::vector<std::string>{"tl-hire"});
  EXPECT_FALSE(assignment.outcomes[0].merged);
  EXPECT_EQ(assignment.outcomes[0].resolution,
            "not merged (both duties have explicit letters); cross-referenced");
}

// ---- recorded decisions ----

constexpr std::string_view kHiringPair =
    "[{id: em-hire, text: hire engineers}, {id: em-lunch, text: order lunch}]";

TEST(Assignment, GivesAMergedRowTheLettersOfARecordedDecision) {
  Model model = matrix(kHiringPair, "[{id: tl-hire, text: hire developers}]", "",
                       "decisions:\n"
                       "  - duties: [tl-hire, em-hire]\n"
                       "    raci: {TL: A/R, EM: r, PM: C}\n");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kDuplicate, model, "em-hire", "tl-hire")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            (std::vector<std::string>{"em-hire: EM R decision, TL A/R decision, PM C decision",
                                      "em-lunch: EM A/R listing-role"}));
  EXPECT_EQ(assignment.matrix.rows[0].merged, std::vector<std::size_t>{duty_index(model, "tl-hire")});
  EXPECT_TRUE(assignment.outcomes[0].merged);
  EXPECT_TRUE(assignment.outcomes[0].decided);
  EXPECT_EQ(assignment.outcomes[0].resolution, "merged by decision: EM R, TL A/R, PM C");
}

TEST(Assignment, MergesADecidedPairTheOverlapSearchCalledRelated) {
  Model model = matrix(kHiringPair, "[{id: tl-hire, text: hire developers}]", "",
                       "decisions:\n"
                       "  - duties: [em-hire, tl-hire]\n"
                       "    raci: {EM: A/R, TL: R}\n");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kRelated, model, "em-hire", "tl-hire")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix), (std::vector<std::string>{"em-hire: EM A/R decision, TL R decision",
                                                                  "em-lunch: EM A/R listing-role"}));
  EXPECT_TRUE(assignment.outcomes[0].merged);
  EXPECT_TRUE(assignment.outcomes[0].decided);
}

TEST(Assignment, MergesADecidedPairTheOverlapSearchMissed) {
  Model model = matrix(kHiringPair, "[{id: tl-hire, text: hire developers}]", "",
                       "decisions:\n"
                       "  - duties: [em-hire, tl-hire]\n"
                       "    raci: {EM: A/R, TL: R}\n");
  Assignment assignment = assign_matrix(model, {}, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix), (std::vector<std::string>{"em-hire: EM A/R decision, TL R decision",
                                                                  "em-lunch: EM A/R listing-role"}));
  EXPECT_EQ(assignment.outcomes.size(), 0u);
}

TEST(Assignment, KeepsADuplicateDecidedSeparateInTwoRows) {
  Model model = matrix(kHiringPair, "[{id: tl-hire, text: hire developers}]", "",
                       "decisions:\n"
                       "  - duties: [em-hire, tl-hire]\n"
                       "    separate: true\n"
                       "    note: EM hires managers, TL hires developers\n");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kDuplicate, model, "em-hire", "tl-hire")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            (std::vector<std::string>{"em-hire: EM A/R policy:hiring, TL C policy:hiring, PM I policy:hiring",
                                      "em-lunch: EM A/R listing-role",
                                      "tl-hire: EM A policy:hiring, TL R listing-role, PM I policy:hiring"}));
  EXPECT_EQ(row_named(assignment.matrix, "em-hire").related, std::vector<std::string>{"tl-hire"});
  EXPECT_EQ(row_named(assignment.matrix, "tl-hire").related, std::vector<std::string>{"em-hire"});
  EXPECT_FALSE(assignment.outcomes[0].merged);
  EXPECT_TRUE(assignment.outcomes[0].decided);
  EXPECT_EQ(assignment.outcomes[0].resolution, "kept separate by decision; cross-referenced");
}

TEST(Assignment, DoesNotMergeADuplicateIntoARowADecisionMade) {
  // The workshop merged TL's and PM's duties; EM's duplicate of TL's stays its own row
  // rather than silently taking, or overriding, the decision's letters.
  Model model = matrix("[{id: em-hire, text: hire engineers}]", "[{id: tl-hire, text: hire developers}]",
                       "[{id: pm-hire, text: hire product people}]",
                       "decisions:\n"
                       "  - duties: [tl-hire, pm-hire]\n"
                       "    raci: {TL: A/R, PM: R}\n");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kDuplicate, model, "em-hire", "tl-hire")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            (std::vector<std::string>{"em-hire: EM A/R policy:hiring, TL C policy:hiring, PM I policy:hiring",
                                      "tl-hire: TL A/R decision, PM R decision"}));
  EXPECT_EQ(row_named(assignment.matrix, "tl-hire").merged,
            std::vector<std::size_t>{duty_index(model, "pm-hire")});
  EXPECT_EQ(row_named(assignment.matrix, "tl-hire").related, std::vector<std::string>{"em-hire"});
  EXPECT_FALSE(assignment.outcomes[0].merged);
  EXPECT_FALSE(assignment.outcomes[0].decided);
  EXPECT_EQ(assignment.outcomes[0].resolution,
            "not merged (one of the duties is already merged by a decision); cross-referenced");
}

TEST(Assignment, RecordsTheOriginOfEveryCell) {
  Model model =
      matrix("[{id: em-hire, text: hire engineers}, {id: em-lunch, text: order lunch}]",
             "[{id: tl-code, text: review code, raci: {TL: A/R}}, {id: tl-drinks, text: order drinks},"
             " {id: tl-hire, text: hire developers}]",
             "[{id: pm-hire, text: hire designers}]",
             "decisions:\n"
             "  - duties: [em-hire, pm-hire]\n"
             "    raci: {EM: A, PM: R}\n");
  std::vector<Overlap> overlaps{overlap(OverlapKind::kRelated, model, "em-lunch", "tl-drinks")};
  Assignment assignment = assign_matrix(model, overlaps, two_themes(), kWords);
  EXPECT_EQ(rows_of(assignment.matrix),
            (std::vector<std::string>{
                "em-hire: EM A decision, PM R decision", "em-lunch: EM A/R listing-role, TL C overlap",
                "tl-code: TL A/R explicit", "tl-drinks: EM C overlap, TL A/R listing-role",
                "tl-hire: EM A policy:hiring, TL R listing-role, PM I policy:hiring"}));
}

// ---- the whole pipeline on the seed ----

TEST(Assignment, GivesEveryRowOfTheSeedOneAccountableAndAResponsible) {
  Model model = load_input(std::string(RACI_TEST_DATA) + "/../../matrices/lead-roles.md");
  Analysis analysis = analyze(model, AnalysisOptions{});
  ASSERT_FALSE(analysis.matrix.rows.empty());
  std::size_t merged = 0;
  for (const MatrixRow& row : analysis.matrix.rows) {
    int accountable = 0;
    int responsible = 0;
    for (const auto& [role, cell] : row.cells) {
      accountable += cell.letters.has(Letters::kA) ? 1 : 0;
      responsible += cell.letters.has(Letters::kR) ? 1 : 0;
      EXPECT_EQ(cell.letters.empty(), cell.origin == CellOrigin::kNone) << row.id;
    }
    EXPECT_EQ(accountable, 1) << row.id;
    EXPECT_GE(responsible, 1) << row.id;
    merged += row.merged.size();
  }
  EXPECT_EQ(analysis.matrix.rows.size() + merged, model.duties.size());
  ASSERT_EQ(analysis.outcomes.size(), analysis.overlaps.size());
}

}  // namespace
}  // namespace raci
