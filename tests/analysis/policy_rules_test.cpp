// Rules of the policy and the thresholds that the pipeline applies on top of the matrix.
#include <gtest/gtest.h>

#include "analysis/assignment.h"
#include "analysis/checks.h"
#include "analysis/pipeline.h"
#include "reading/yaml_loader.h"

namespace raci {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Maps "priorities" and "prioritise" to one stem, as the real stemmer may.
std::vector<std::string> stemmed(std::string_view text) {
  std::vector<std::string> words = words_of(text);
  for (std::string& word : words) {
    if (word.starts_with("priorit")) word = "priorit";
  }
  return words;
}

PolicyTheme theme(std::string name, std::vector<std::string> terms, std::vector<std::string> accountable,
                  std::vector<std::string> consulted = {}) {
  return {std::move(name), std::move(terms), std::move(accountable), std::move(consulted), {}};
}

TEST(PolicyRules, CountsTermsWithTheSameStemOnce) {
  Policy policy{{theme("delivery", {"priorities", "prioritise", "roadmap"}, {"EM"}),
                 theme("product", {"product roadmap"}, {"PM"})}};
  ThemeMatcher matcher(policy, stemmed);
  // delivery: "priorit" once + "roadmap" = 2; product: "product roadmap" = 2; tie -> first.
  EXPECT_EQ(matcher.best_theme(stemmed("own the product roadmap and its priorities")), 0);
  Policy product_first{{policy.themes[1], policy.themes[0]}};
  EXPECT_EQ(
      ThemeMatcher(product_first, stemmed).best_theme(stemmed("own the product roadmap and its priorities")),
      0);
}

TEST(PolicyRules, SkipsAThemeWhoseAccountableTheMatrixLacks) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    duties: [write the product roadmap]\n"
      "  - id: TL\n"
      "    name: Technical Leader\n",
      "m.yaml");
  // The product theme would name a PM, whom this matrix does not have: it does not apply,
  // so it neither gives letters nor names the row's theme.
  Policy policy{{theme("product", {"product roadmap"}, {"PM"}, {"TL"})}};
  Assignment assignment = assign_matrix(model, {}, policy, words_of);
  const MatrixRow& row = assignment.matrix.rows.at(0);
  EXPECT_EQ(row.theme, "");
  EXPECT_EQ(row.cell(0).letters.to_string(), "A/R");
  EXPECT_EQ(row.cell(0).origin, CellOrigin::kListingRole);
  EXPECT_TRUE(row.cell(1).letters.empty());
}

TEST(PolicyRules, ASingleRoleCarryingEveryRowIsNotOverloaded) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: SRE\n"
      "    name: Site Reliability Engineer\n"
      "    duties: [run the on-call rotation, write the runbooks]\n",
      "m.yaml");
  std::vector<Finding> findings = check_matrix(model, build_matrix(model), Thresholds{});
  for (const Finding& finding : findings) EXPECT_NE(finding.code, "overloaded-role") << finding.message;
}

TEST(PolicyRules, ADuplicateThresholdBelowTheRelatedOneLowersIt) {
  Model model = load_yaml(
      "thresholds: {duplicate: 0.15}\n"
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    duties: [hire engineers]\n"
      "  - id: TL\n"
      "    name: Technical Leader\n"
      "    duties: [review code]\n",
      "m.yaml");
  Analysis analysis = analyze(model, {});
  EXPECT_DOUBLE_EQ(analysis.thresholds.duplicate, 0.15);
  EXPECT_DOUBLE_EQ(analysis.thresholds.related, 0.15);
}

TEST(PolicyRules, TheCommandLineWinsOverTheMatrix) {
  Model model = load_yaml(
      "thresholds: {related: 0.3, duplicate: 0.6}\n"
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    duties: [hire engineers]\n",
      "m.yaml");
  AnalysisOptions options;
  options.related = 0.25;
  Analysis analysis = analyze(model, options);
  EXPECT_DOUBLE_EQ(analysis.thresholds.related, 0.25);
  EXPECT_DOUBLE_EQ(analysis.thresholds.duplicate, 0.6);
}

}  // namespace
}  // namespace raci
