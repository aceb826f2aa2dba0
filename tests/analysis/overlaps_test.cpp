#include "analysis/overlaps.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "reading/input.h"
#include "reading/lexicon_loader.h"

namespace raci {
namespace {

// A model of roles, each with its duties; duty n (counting from 1 across roles) is on line n.
Model model_of(const std::vector<std::pair<std::string, std::vector<std::string>>>& roles) {
  Model model;
  model.source_file = "m.yaml";
  int line = 0;
  for (const auto& [name, duties] : roles) {
    model.roles.push_back({name.substr(0, 2), name, {"m.yaml", ++line}});
    for (const std::string& text : duties) {
      Duty duty;
      duty.id = "d" + std::to_string(model.duties.size() + 1);
      duty.text = text;
      duty.role = model.roles.size() - 1;
      duty.source = {"m.yaml", ++line};
      model.duties.push_back(duty);
    }
  }
  return model;
}

Lexicon small_lexicon() {
  Lexicon lexicon;
  lexicon.synonyms = {{"mentor", "coach"}};
  lexicon.stop_words = {"the", "and", "for", "with", "our"};
  lexicon.weak_words = {"conduct", "facilitate"};
  return lexicon;
}

const OverlapOptions kDefaults;

TEST(Overlap, KindNames) {
  EXPECT_EQ(overlap_kind_name(OverlapKind::kDuplicate), "duplicate");
  EXPECT_EQ(overlap_kind_name(OverlapKind::kRelated), "related");
}

TEST(Overlap, IdenticalDutiesOfTwoRolesScoreOneAndAreDuplicates) {
  Model model = model_of({{"Engineering Manager", {"Hire engineers for the squad"}},
                          {"Technical Leader", {"Hire engineers for the squad"}}});
  OverlapResult result = find_overlaps(model, small_lexicon(), kDefaults);
  ASSERT_EQ(result.overlaps.size(), 1u);
  const Overlap& overlap = result.overlaps[0];
  EXPECT_NEAR(overlap.score, 1.0, 1e-12);
  EXPECT_EQ(overlap.kind, OverlapKind::kDuplicate);
  EXPECT_EQ(overlap.duty_a, 0u);
  EXPECT_EQ(overlap.duty_b, 1u);
  EXPECT_EQ(overlap.shared_terms, (std::vector<std::string>{"hire engineers", "squad"}));
  EXPECT_TRUE(result.findings.empty());
}

TEST(Overlap, DisjointDutiesAreNoOverlap) {
  Model model =
      model_of({{"Engineering Manager", {"Plan vacations"}}, {"Technical Leader", {"Review code"}}});
  EXPECT_TRUE(find_overlaps(model, small_lexicon(), kDefaults).overlaps.empty());
}

TEST(Overlap, KnownScoreForOneSharedWord) {
  // Two duties, "hire" in both (idf ln 2), "engin" and "design" in one each (idf ln 3):
  // cosine = ln(2)^2 / (ln(2)^2 + ln(3)^2).
  Model model =
      model_of({{"Engineering Manager", {"Hire engineers"}}, {"Technical Leader", {"Hire designers"}}});
  OverlapOptions options;
  options.related_threshold = 0.1;
  OverlapResult result = find_overlaps(model, small_lexicon(), options);
  ASSERT_EQ(result.overlaps.size(), 1u);
  double expected = std::pow(std::log(2.0), 2) / (std::pow(std::log(2.0), 2) + std::pow(std::log(3.0), 2));
  EXPECT_NEAR(result.overlaps[0].score, expected, 1e-12);
  EXPECT_NEAR(result.overlaps[0].score, 0.2847, 1e-4);
  EXPECT_EQ(result.overlaps[0].kind, OverlapKind::kRelated);
  EXPECT_EQ(result.overlaps[0].shared_terms, (std::vector<std::string>{"hire"}));
}

TEST(Overlap, ThresholdsAreConfigurable) {
  Model model =
      model_of({{"Engineering Manager", {"Hire engineers"}}, {"Technical Leader", {"Hire designers"}}});
  OverlapOptions options;
  options.related_threshold = 0.3;
  EXPECT_TRUE(find_overlaps(model, small_lexicon(), options).overlaps.empty());
  options.related_threshold = 0.2;
  options.duplicate_threshold = 0.25;
  OverlapResult result = find_overlaps(model, small_lexicon(), options);
  ASSERT_EQ(result.overlaps.size(), 1u);
  EXPECT_EQ(result.overlaps[0].kind, OverlapKind::kDuplicate);
}

TEST(Overlap, SynonymsAndWeakWordsMakeTheSameDutyMatch) {
  Model model =
      model_of({{"Engineering Manager", {"Facilitate coaching for new engineers", "Plan vacations"}},
                {"Technical Leader", {"Conduct mentoring for new engineers", "Review code"}}});
  OverlapResult result = find_overlaps(model, small_lexicon(), kDefaults);
  ASSERT_EQ(result.overlaps.size(), 1u);
  EXPECT_EQ(result.overlaps[0].kind, OverlapKind::kDuplicate);
  EXPECT_EQ(result.overlaps[0].shared_terms,
            (std::vector<std::string>{"new engineers", "coaching ~ mentoring"}));
}

TEST(Overlap, SortedByScoreThenDutyIndexes) {
  Model model = model_of({{"Engineering Manager", {"Hire engineers", "Review code", "Hire engineers"}},
                          {"Technical Leader", {"Hire engineers", "Review code quickly"}}});
  OverlapOptions options;
  options.near_duplicate_threshold = 1.1;
  OverlapResult result = find_overlaps(model, small_lexicon(), options);
  ASSERT_EQ(result.overlaps.size(), 3u);
  EXPECT_EQ(std::make_pair(result.overlaps[0].duty_a, result.overlaps[0].duty_b), std::make_pair(0ul, 3ul));
  EXPECT_EQ(std::make_pair(result.overlaps[1].duty_a, result.overlaps[1].duty_b), std::make_pair(2ul, 3ul));
  EXPECT_EQ(result.overlaps[0].score, result.overlaps[1].score);
  EXPECT_EQ(std::make_pair(result.overlaps[2].duty_a, result.overlaps[2].duty_b), std::make_pair(1ul, 4ul));
  EXPECT_GT(result.overlaps[1].score, result.overlaps[2].score);
}

TEST(Overlap, NearDuplicateInsideOneRoleIsAFindingNotAnOverlap) {
  Model model =
      model_of({{"Engineering Manager", {"Review the hiring plan", "Plan vacations", "Review hiring plans"}},
                {"Technical Leader", {"Write code"}}});
  OverlapResult result = find_overlaps(model, small_lexicon(), kDefaults);
  EXPECT_TRUE(result.overlaps.empty());
  ASSERT_EQ(result.findings.size(), 1u);
  const Finding& finding = result.findings[0];
  EXPECT_EQ(finding.code, "near-duplicate-in-role");
  EXPECT_EQ(finding.severity, Severity::kWarning);
  EXPECT_EQ(finding.location.to_string(), "m.yaml:4");
  EXPECT_EQ(
      finding.message,
      "duty \"Review hiring plans\" nearly repeats \"Review the hiring plan\" (m.yaml:2) of the same role "
      "Engineering Manager (score 1.000)");
}

TEST(Overlap, EmptyModelAndEmptyDutiesFindNothing) {
  EXPECT_TRUE(find_overlaps(Model{}, small_lexicon(), kDefaults).overlaps.empty());
  Model model = model_of({{"Engineering Manager", {"the and"}}, {"Technical Leader", {"the and"}}});
  OverlapResult result = find_overlaps(model, small_lexicon(), kDefaults);
  EXPECT_TRUE(result.overlaps.empty());
  EXPECT_TRUE(result.findings.empty());
}

TEST(Overlap, KeepsTheStrongestOverlapsOfEachDutyAndSaysHowManyWereCut) {
  // One EM duty and four TL duties sharing "hire engineers", less and less of it.
  Model model = model_of({{"Engineering Manager", {"Hire engineers"}},
                          {"Technical Leader",
                           {"Hire engineers", "Hire engineers quickly", "Hire engineers quickly and cheaply",
                            "Hire engineers quickly, cheaply and remotely"}}});
  OverlapOptions options;
  options.related_threshold = 0.1;
  options.near_duplicate_threshold = 1.1;
  options.max_per_duty = 0;
  OverlapResult all = find_overlaps(model, small_lexicon(), options);
  ASSERT_EQ(all.overlaps.size(), 4u);
  EXPECT_EQ(all.found, 4u);
  EXPECT_TRUE(all.findings.empty());

  // Each TL duty's best partner is the EM duty, so a cap of one keeps all four pairs.
  options.max_per_duty = 1;
  EXPECT_EQ(find_overlaps(model, small_lexicon(), options).overlaps.size(), 4u);

  // Two more EM duties: now every TL duty has three partners, and keeps its best one.
  model = model_of(
      {{"Engineering Manager", {"Hire engineers", "Hire engineers quickly", "Hire engineers cheaply"}},
       {"Technical Leader", {"Hire engineers", "Hire engineers quickly", "Hire engineers remotely"}}});
  options.max_per_duty = 0;
  all = find_overlaps(model, small_lexicon(), options);
  options.max_per_duty = 1;
  OverlapResult capped = find_overlaps(model, small_lexicon(), options);
  EXPECT_LT(capped.overlaps.size(), all.overlaps.size());
  EXPECT_EQ(capped.found, all.overlaps.size());
  for (const Overlap& kept : capped.overlaps) {
    auto same = [&](const Overlap& o) { return o.duty_a == kept.duty_a && o.duty_b == kept.duty_b; };
    auto it = std::find_if(all.overlaps.begin(), all.overlaps.end(), same);
    ASSERT_NE(it, all.overlaps.end());
    EXPECT_EQ(it->score, kept.score);
    EXPECT_EQ(it->shared_terms, kept.shared_terms);
  }
  ASSERT_EQ(capped.findings.size(), 1u);
  EXPECT_EQ(capped.findings[0].code, "overlaps-capped");
  EXPECT_EQ(capped.findings[0].severity, Severity::kInfo);
  EXPECT_EQ(capped.findings[0].location.to_string(), "m.yaml");
  EXPECT_EQ(
      capped.findings[0].message,
      fmt::format("kept the 1 strongest overlaps of each duty: {} of {} pairs scoring 0.10 or more are left "
                  "out (--max-overlaps-per-duty)",
                  all.overlaps.size() - capped.overlaps.size(), all.overlaps.size()));
}

TEST(Overlap, TheThreadCountDoesNotChangeTheResult) {
  Model model = load_input(std::string(RACI_TEST_DATA) + "/pages/eval-product-trio.md");
  // Many copies of the page's duties, so that every stage has work to split.
  Model big = model;
  for (int copy = 0; copy < 40; ++copy) {
    for (const Duty& duty : model.duties) {
      Duty again = duty;
      again.text += " " + std::to_string(copy % 7);
      big.duties.push_back(again);
    }
  }
  OverlapOptions one;
  one.threads = 1;
  OverlapOptions three;
  three.threads = 3;
  OverlapResult a = find_overlaps(big, embedded_lexicon(), one);
  OverlapResult b = find_overlaps(big, embedded_lexicon(), three);
  ASSERT_EQ(a.overlaps.size(), b.overlaps.size());
  for (std::size_t i = 0; i < a.overlaps.size(); ++i) {
    EXPECT_EQ(a.overlaps[i].duty_a, b.overlaps[i].duty_a);
    EXPECT_EQ(a.overlaps[i].duty_b, b.overlaps[i].duty_b);
    EXPECT_EQ(a.overlaps[i].score, b.overlaps[i].score);
    EXPECT_EQ(a.overlaps[i].shared_terms, b.overlaps[i].shared_terms);
  }
  EXPECT_EQ(a.found, b.found);
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (std::size_t i = 0; i < a.findings.size(); ++i) EXPECT_EQ(a.findings[i].message, b.findings[i].message);
  std::vector<TermsOfText> terms_one = extract_duty_terms(big, embedded_lexicon(), 1);
  std::vector<TermsOfText> terms_three = extract_duty_terms(big, embedded_lexicon(), 3);
  ASSERT_EQ(terms_one.size(), terms_three.size());
  for (std::size_t d = 0; d < terms_one.size(); ++d) {
    ASSERT_EQ(terms_one[d].terms.size(), terms_three[d].terms.size());
    for (std::size_t t = 0; t < terms_one[d].terms.size(); ++t) {
      EXPECT_EQ(terms_one[d].terms[t].key, terms_three[d].terms[t].key);
    }
  }
}

TEST(Overlap, SameInputGivesTheSameOutput) {
  Model model = load_input(std::string(RACI_TEST_DATA) + "/pages/eval-product-trio.md");
  Lexicon lexicon = embedded_lexicon();
  OverlapResult first = find_overlaps(model, lexicon, kDefaults);
  OverlapResult second = find_overlaps(model, lexicon, kDefaults);
  ASSERT_EQ(first.overlaps.size(), second.overlaps.size());
  for (std::size_t i = 0; i < first.overlaps.size(); ++i) {
    EXPECT_EQ(first.overlaps[i].duty_a, second.overlaps[i].duty_a);
    EXPECT_EQ(first.overlaps[i].duty_b, second.overlaps[i].duty_b);
    EXPECT_EQ(first.overlaps[i].score, second.overlaps[i].score);
    EXPECT_EQ(first.overlaps[i].shared_terms, second.overlaps[i].shared_terms);
    EXPECT_LT(first.overlaps[i].duty_a, first.overlaps[i].duty_b);
    EXPECT_NE(model.duties[first.overlaps[i].duty_a].role, model.duties[first.overlaps[i].duty_b].role);
    if (i > 0) {
      EXPECT_GE(first.overlaps[i - 1].score, first.overlaps[i].score);
    }
  }
}

TEST(Overlap, SharedTermsOfTheSeedNameTheCommonWork) {
  Model model = load_input(std::string(RACI_TEST_DATA) + "/../../matrices/lead-roles.md");
  OverlapResult result = find_overlaps(model, embedded_lexicon(), kDefaults);
  auto terms_of = [&](std::string_view prefix_a, std::string_view prefix_b) {
    for (const Overlap& overlap : result.overlaps) {
      if (model.duties[overlap.duty_a].text.starts_with(prefix_a) &&
          model.duties[overlap.duty_b].text.starts_with(prefix_b)) {
        return overlap.shared_terms;
      }
    }
    return std::vector<std::string>{};
  };
  EXPECT_EQ(terms_of("Facilitate cross-squads", "Conduct cross-squads"),
            (std::vector<std::string>{"cross-squads communication"}));
  std::vector<std::string> decision = terms_of("Expedite decision-making", "Lead decision making");
  EXPECT_NE(std::find(decision.begin(), decision.end(), "decision-making"), decision.end());
  std::vector<std::string> growth = terms_of("Help engineers grow", "Mentor Engineers");
  EXPECT_NE(std::find(growth.begin(), growth.end(), "tech ~ technical"), growth.end());
}

}  // namespace
}  // namespace raci
