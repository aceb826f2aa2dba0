// The overlap search against labelled pairs: the seed page (labels from the product's
// spec) and two pages written for this test in other words and formats, labelled before
// the search was first run on them. Figures are printed so a run shows where it stands.
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "analysis/overlaps.h"
#include "labelled_pairs.h"
#include "reading/input.h"
#include "reading/lexicon_loader.h"

namespace raci {
namespace {

struct Labelled {
  Model model;
  std::vector<testing::LabelledPair> labels;
};

Labelled labelled(const std::string& page, const std::string& labels) {
  std::string data = RACI_TEST_DATA;
  Labelled out{load_input(data + "/" + page), {}};
  out.labels = testing::read_labels(data + "/" + labels, out.model);
  return out;
}

testing::Evaluation run(const Labelled& input, const std::string& name) {
  OverlapResult result = find_overlaps(input.model, embedded_lexicon(), OverlapOptions{});
  testing::Evaluation evaluation = testing::evaluate(result.overlaps, input.labels, input.model);
  std::printf("%s: %s", name.c_str(), testing::describe(evaluation).c_str());
  return evaluation;
}

TEST(OverlapQuality, SeedPairsAreFoundWithFewFalseAlarms) {
  Labelled seed = labelled("../../matrices/lead-roles.md", "seed-overlaps.tsv");
  ASSERT_EQ(seed.labels.size(), 36u);
  testing::Evaluation evaluation = run(seed, "seed");
  EXPECT_TRUE(evaluation.all_must) << testing::describe(evaluation);
  EXPECT_GE(evaluation.recall, 0.9) << testing::describe(evaluation);
  EXPECT_GE(evaluation.precision, 0.9) << testing::describe(evaluation);
}

TEST(OverlapQuality, SeedCrossSquadCommunicationAndDecisionMakingAreDuplicates) {
  Labelled seed = labelled("../../matrices/lead-roles.md", "seed-overlaps.tsv");
  OverlapResult result = find_overlaps(seed.model, embedded_lexicon(), OverlapOptions{});
  auto kind_of = [&](std::string_view prefix_a, std::string_view prefix_b) -> std::string {
    for (const Overlap& overlap : result.overlaps) {
      if (seed.model.duties[overlap.duty_a].text.starts_with(prefix_a) &&
          seed.model.duties[overlap.duty_b].text.starts_with(prefix_b)) {
        return std::string(overlap_kind_name(overlap.kind));
      }
    }
    return "not found";
  };
  EXPECT_EQ(kind_of("Facilitate cross-squads communication", "Conduct cross-squads communication"),
            "duplicate");
  EXPECT_EQ(kind_of("Expedite decision-making", "Lead decision making"), "duplicate");
}

TEST(OverlapQuality, BeatsPlainTfidfOnTheSeed) {
  Labelled seed = labelled("../../matrices/lead-roles.md", "seed-overlaps.tsv");
  testing::Evaluation ours = run(seed, "seed");
  // The best recall plain TF-IDF reaches at any threshold that keeps precision at 0.9.
  double best_plain_recall = 0;
  for (int step = 1; step < 100; ++step) {
    std::vector<Overlap> plain = testing::plain_tfidf_overlaps(seed.model, step / 100.0);
    testing::Evaluation evaluation = testing::evaluate(plain, seed.labels, seed.model);
    if (evaluation.precision >= 0.9) best_plain_recall = std::max(best_plain_recall, evaluation.recall);
  }
  std::printf("plain TF-IDF, best recall at precision >= 0.9: %.2f\n", best_plain_recall);
  EXPECT_LE(best_plain_recall, 0.8);
  EXPECT_GT(ours.recall, best_plain_recall);
}

TEST(OverlapQuality, ThreeRolePageInOtherWords) {
  testing::Evaluation evaluation =
      run(labelled("pages/eval-product-trio.md", "eval-product-trio.tsv"), "eval-product-trio");
  EXPECT_TRUE(evaluation.all_must) << testing::describe(evaluation);
  EXPECT_GE(evaluation.recall, 0.6) << testing::describe(evaluation);
  EXPECT_GE(evaluation.precision, 0.8) << testing::describe(evaluation);
}

TEST(OverlapQuality, DataLeadsPageInOtherWords) {
  testing::Evaluation evaluation =
      run(labelled("pages/eval-data-leads.md", "eval-data-leads.tsv"), "eval-data-leads");
  EXPECT_GE(evaluation.recall, 0.4) << testing::describe(evaluation);
  EXPECT_GE(evaluation.precision, 0.8) << testing::describe(evaluation);
}

}  // namespace
}  // namespace raci
