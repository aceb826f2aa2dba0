#include "writing/yaml_writer.h"

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "reading/markdown_loader.h"
#include "reading/yaml_loader.h"

namespace raci {
namespace {

std::string read_data(const std::string& name) {
  std::ifstream in(std::string(RACI_TEST_DATA) + "/yaml/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::map<std::string, std::string> raci_of(const Duty& duty) {
  std::map<std::string, std::string> cells;
  for (const ExplicitCell& cell : duty.raci) cells[cell.role_id] = cell.letters.to_string();
  return cells;
}

// Asserts that two models hold the same matrix: title, description, roles, and duties
// with their ids, text, role, area and explicit letters (in any order of roles in `raci`).
void expect_same_model(const Model& expected, const Model& actual) {
  EXPECT_EQ(actual.title, expected.title);
  EXPECT_EQ(actual.description, expected.description);
  ASSERT_EQ(actual.roles.size(), expected.roles.size());
  for (std::size_t r = 0; r < expected.roles.size(); ++r) {
    SCOPED_TRACE(testing::Message() << "role " << r);
    EXPECT_EQ(actual.roles[r].id, expected.roles[r].id);
    EXPECT_EQ(actual.roles[r].name, expected.roles[r].name);
  }
  ASSERT_EQ(actual.duties.size(), expected.duties.size());
  for (std::size_t d = 0; d < expected.duties.size(); ++d) {
    SCOPED_TRACE(testing::Message() << "duty " << d << ": " << expected.duties[d].text);
    EXPECT_EQ(actual.duties[d].id, expected.duties[d].id);
    EXPECT_EQ(actual.duties[d].text, expected.duties[d].text);
    EXPECT_EQ(actual.duties[d].role, expected.duties[d].role);
    EXPECT_EQ(actual.duties[d].area, expected.duties[d].area);
    EXPECT_EQ(actual.duties[d].id_given, expected.duties[d].id_given);
    EXPECT_EQ(raci_of(actual.duties[d]), raci_of(expected.duties[d]));
  }
}

// Writes `model`, reads it back, and checks nothing was lost; returns the YAML.
std::string expect_round_trip(const Model& model) {
  std::string yaml = write_yaml_matrix(model);
  Model back;
  try {
    back = load_yaml(yaml, "m.yaml");
  } catch (const InputError& e) {
    ADD_FAILURE() << e.describe() << "\n" << yaml;
    return yaml;
  }
  SCOPED_TRACE(yaml);
  expect_same_model(model, back);
  return yaml;
}

constexpr std::string_view kPage =
    "---\n"
    "description: Key aspects for leadership\n"
    "---\n"
    "\n"
    "# Lead Roles & Responsibilities\n"
    "\n"
    "## Engineering Manager\n"
    "\n"
    "Hiring (Squad Formation):\n"
    "\n"
    "* Continuously assess and validate hiring plans based on engineering/squad needs\n"
    "* Conduct managerial interviews for candidates\n"
    "\n"
    "People Management:\n"
    "\n"
    "* Hold regular 1:1's with all team members\n"
    "* Provide clear feedback around the individual's performance (check-in & IDPs)\n"
    "\n"
    "## Technical Leader\n"
    "\n"
    "* Conduct technical interviews to support hiring decisions\n"
    "* Facilitate \"cross-squad\" communication: #eng channel\n";

TEST(YamlWriter, RoundTripsAModelReadFromAPage) {
  Model page = load_markdown(kPage, "lead-roles.md");
  ASSERT_EQ(page.roles.size(), 2u);
  ASSERT_EQ(page.duties.size(), 6u);
  EXPECT_EQ(page.title, "Lead Roles & Responsibilities");
  expect_round_trip(page);
}

TEST(YamlWriter, RoundTripsLongFormDutiesAndRaci) {
  Model model = load_yaml(read_data("schema-example.yaml"), "m.yaml");
  std::string yaml = expect_round_trip(model);
  EXPECT_NE(yaml.find("id: em-managerial-interviews"), std::string::npos) << yaml;
}

TEST(YamlWriter, RoundTripsTextThatNeedsQuoting) {
  Model model = load_yaml(read_data("tricky-text.yaml"), "m.yaml");
  ASSERT_EQ(model.duties.size(), 9u);
  EXPECT_EQ(model.title, "Roles: the \"real\" ones # not a comment");
  EXPECT_EQ(model.roles[1].name, "null");
  EXPECT_EQ(model.duties[3].text, "- lead with a dash, café and 日本語 — team’s");
  expect_round_trip(model);
}

TEST(YamlWriter, RoundTripsLooseDutiesBeforeAndAfterAreas) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    duties: [loose first]\n"
      "    areas:\n"
      "      - name: People\n"
      "        duties: [p1]\n"
      "  - id: TL\n"
      "    name: Technical Leader\n"
      "    areas:\n"
      "      - name: Tech\n"
      "        duties: [t1]\n"
      "    duties: [loose last]\n"
      "  - id: PM\n"
      "    name: Product Manager\n",
      "m.yaml");
  expect_round_trip(model);
}

TEST(YamlWriter, RoundTripsAnExplicitEmptyCell) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    duties:\n"
      "      - text: Plan\n"
      "        raci: {EM: \"\", TL: ca}\n"
      "  - id: TL\n"
      "    name: Technical Leader\n",
      "m.yaml");
  expect_round_trip(model);
}

TEST(YamlWriter, WritesTheSchemaExampleCanonically) {
  Model model = load_yaml(read_data("schema-example.yaml"), "m.yaml");
  EXPECT_EQ(write_yaml_matrix(model),
            "title: Lead Roles & Responsibilities\n"
            "description: Key aspects for leadership\n"
            "roles:\n"
            "  - id: EM\n"
            "    name: Engineering Manager\n"
            "    areas:\n"
            "      - name: Hiring (Squad Formation)\n"
            "        duties:\n"
            "          - \"Continuously assess and validate hiring plans based on engineering/squad needs\"\n"
            "          - text: \"Conduct managerial interviews for candidates\"\n"
            "            id: em-managerial-interviews\n"
            "            raci: {EM: A/R, TL: C}\n"
            "  - id: TL\n"
            "    name: Technical Leader\n"
            "    duties:\n"
            "      - \"Conduct technical interviews to support hiring decisions\"\n");
}

TEST(YamlWriter, WritesLettersCanonicallyInRoleOrder) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    duties:\n"
      "      - text: Plan\n"
      "        raci: {TL: i/c, EM: ra}\n"
      "  - id: TL\n"
      "    name: Technical Leader\n",
      "m.yaml");
  std::string yaml = write_yaml_matrix(model);
  EXPECT_NE(yaml.find("raci: {EM: A/R, TL: C/I}"), std::string::npos) << yaml;
}

TEST(YamlWriter, WritesARoleWithoutDutiesAsIdAndName) {
  Model model = load_yaml(
      "title: T\n"
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n",
      "m.yaml");
  EXPECT_EQ(write_yaml_matrix(model),
            "title: T\n"
            "roles:\n"
            "  - id: EM\n"
            "    name: Engineering Manager\n");
}

TEST(YamlWriter, QuotesWhatOtherYamlReadersTakeForBooleansOrNumbers) {
  Model model = load_yaml(
      "title: \"2024\"\n"
      "description: \"true\"\n"
      "roles:\n"
      "  - id: \"NO\"\n"
      "    name: \"Yes\"\n"
      "    areas:\n"
      "      - name: \"off\"\n"
      "        duties:\n"
      "          - text: \"1.5\"\n"
      "            id: \"1.5\"\n"
      "            raci: {\"NO\": r, \"y\": \"\"}\n"
      "  - id: \"y\"\n"
      "    name: \"-1\"\n"
      "  - id: EM\n"
      "    name: \"null\"\n",
      "m.yaml");
  std::string yaml = expect_round_trip(model);
  EXPECT_EQ(yaml,
            "title: \"2024\"\n"
            "description: \"true\"\n"
            "roles:\n"
            "  - id: \"NO\"\n"
            "    name: \"Yes\"\n"
            "    areas:\n"
            "      - name: \"off\"\n"
            "        duties:\n"
            "          - text: \"1.5\"\n"
            "            id: \"1.5\"\n"
            "            raci: {\"NO\": R, \"y\": \"\"}\n"
            "  - id: \"y\"\n"
            "    name: \"-1\"\n"
            "  - id: EM\n"
            "    name: \"null\"\n");
}

TEST(YamlWriter, IsDeterministic) {
  Model page = load_markdown(kPage, "lead-roles.md");
  EXPECT_EQ(write_yaml_matrix(page), write_yaml_matrix(page));
  Model again = load_markdown(kPage, "lead-roles.md");
  EXPECT_EQ(write_yaml_matrix(page), write_yaml_matrix(again));
  Model tricky = load_yaml(read_data("tricky-text.yaml"), "m.yaml");
  EXPECT_EQ(write_yaml_matrix(tricky), write_yaml_matrix(load_yaml(write_yaml_matrix(tricky), "m.yaml")));
}

TEST(YamlWriter, KeepsNonAsciiTextReadable) {
  Model model = load_yaml(read_data("tricky-text.yaml"), "m.yaml");
  std::string yaml = write_yaml_matrix(model);
  EXPECT_NE(yaml.find("café and 日本語 — team’s"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("Ünïcödé"), std::string::npos) << yaml;
}

}  // namespace
}  // namespace raci

namespace raci {
namespace {

TEST(YamlWriter, KeepsThresholdsPolicyLexiconAndDecisions) {
  const std::string text =
      "title: Settings\n"
      "thresholds: {related: 0.3, duplicate: 0.6, max_responsible: 2, overloaded_share: 0.75}\n"
      "policy:\n"
      "  themes:\n"
      "    - {name: hiring, terms: [hire, \"1:1\"], accountable: [EM], consulted: [TL], informed: [PM]}\n"
      "lexicon: {synonyms: [[squad, team], [\"yes\", \"true\"]], phrases: [error budget], stop_words: [etc],"
      " weak_words: [assist]}\n"
      "roles:\n"
      "  - {id: EM, name: Engineering Manager, duties: [Hire engineers, Plan the roadmap]}\n"
      "  - {id: TL, name: Technical Leader, duties: [Hire engineers for the team, Review the roadmap]}\n"
      "  - {id: PM, name: Product Manager}\n"
      "decisions:\n"
      "  - {duties: [em-hire-engineers, tl-hire-engineers-team], raci: {EM: A/R, TL: r}, note: \"agreed: EM\"}\n"
      "  - {duties: [em-plan-roadmap, tl-review-roadmap], separate: true}\n";
  Model before = load_yaml(text, "m.yaml");
  std::string written = write_yaml_matrix(before);
  Model after = load_yaml(written, "m.yaml");

  EXPECT_DOUBLE_EQ(after.thresholds.related, 0.3);
  EXPECT_DOUBLE_EQ(after.thresholds.duplicate, 0.6);
  EXPECT_EQ(after.thresholds.max_responsible, 2);
  EXPECT_DOUBLE_EQ(after.thresholds.overloaded_share, 0.75);
  EXPECT_NE(written.find("  related: 0.3\n"), std::string::npos) << written;

  ASSERT_TRUE(after.policy.has_value());
  ASSERT_EQ(after.policy->themes.size(), 1u);
  const PolicyTheme& theme = after.policy->themes[0];
  EXPECT_EQ(theme.name, "hiring");
  EXPECT_EQ(theme.terms, (std::vector<std::string>{"hire", "1:1"}));
  EXPECT_EQ(theme.accountable, std::vector<std::string>{"EM"});
  EXPECT_EQ(theme.consulted, std::vector<std::string>{"TL"});
  EXPECT_EQ(theme.informed, std::vector<std::string>{"PM"});

  ASSERT_TRUE(after.lexicon.has_value());
  EXPECT_EQ(after.lexicon->synonyms, before.lexicon->synonyms);
  EXPECT_EQ(after.lexicon->phrases, std::vector<std::string>{"error budget"});
  EXPECT_EQ(after.lexicon->stop_words, std::vector<std::string>{"etc"});
  EXPECT_EQ(after.lexicon->weak_words, std::vector<std::string>{"assist"});

  ASSERT_EQ(after.decisions.size(), 2u);
  EXPECT_TRUE(after.decisions[0].merge);
  EXPECT_EQ(after.decisions[0].duties, (std::vector<std::string>{"em-hire-engineers", "tl-hire-engineers-team"}));
  ASSERT_EQ(after.decisions[0].raci.size(), 2u);
  EXPECT_EQ(after.decisions[0].raci[1].first, "TL");
  EXPECT_EQ(after.decisions[0].raci[1].second.to_string(), "R");
  EXPECT_EQ(after.decisions[0].note, "agreed: EM");
  EXPECT_FALSE(after.decisions[1].merge);

  EXPECT_EQ(write_yaml_matrix(after), written) << "writing is stable";
}

TEST(YamlWriter, WritesNoSettingsForAMatrixWithout) {
  Model model = load_yaml("roles:\n  - {id: EM, name: Engineering Manager, duties: [Hire engineers]}\n", "m.yaml");
  std::string written = write_yaml_matrix(model);
  for (const char* key : {"thresholds:", "policy:", "lexicon:", "decisions:"}) {
    EXPECT_EQ(written.find(key), std::string::npos) << key;
  }
}

}  // namespace
}  // namespace raci
