#include "reading/policy_loader.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/source_location.h"
#include "reading/yaml_support.h"

namespace raci {
namespace {

// The error load_policy_file reports for `text`, as the command line prints it after "raci: error: ".
std::string error_of(std::string_view text) {
  try {
    load_policy_file(text, "p.yaml");
  } catch (const InputError& e) {
    return e.describe();
  }
  return "no error";
}

std::vector<std::string> names_of(const Policy& policy) {
  std::vector<std::string> names;
  for (const PolicyTheme& theme : policy.themes) names.push_back(theme.name);
  return names;
}

TEST(PolicyLoader, LoadsTheEmbeddedPolicyWithItsThemes) {
  Policy policy = embedded_policy();
  EXPECT_EQ(names_of(policy), (std::vector<std::string>{"hiring", "people", "product", "delivery",
                                                        "technical", "communication", "decisions"}));
  for (const PolicyTheme& theme : policy.themes) {
    EXPECT_FALSE(theme.terms.empty()) << theme.name;
    EXPECT_FALSE(theme.accountable.empty()) << theme.name;
  }
  const PolicyTheme& hiring = policy.themes[0];
  EXPECT_EQ(hiring.accountable, (std::vector<std::string>{"EM", "Engineering Manager"}));
  EXPECT_EQ(hiring.consulted, (std::vector<std::string>{"TL", "Technical Leader", "Tech Lead", "Technical Lead",
                                                        "Lead Engineer", "Staff Engineer"}));
  EXPECT_EQ(hiring.informed, std::vector<std::string>{});
  EXPECT_EQ(hiring.terms.back(), "hiring plan");
  const PolicyTheme& delivery = policy.themes[3];
  EXPECT_EQ(delivery.name, "delivery");
  EXPECT_EQ(delivery.informed, (std::vector<std::string>{"PM", "Product Manager", "PO", "Product Owner"}));
}

TEST(PolicyLoader, ReadsAPolicyFile) {
  Policy policy = load_policy_file(
      "themes:\n"
      "  - name: data\n"
      "    terms: [data, pipeline, data quality]\n"
      "    accountable: [DL, Data Lead]\n"
      "    consulted: AE\n"
      "    informed: [CDO]\n"
      "  - name: reporting\n"
      "    terms:\n"
      "      - dashboard\n"
      "      - \"  weekly   report \"\n"
      "    accountable: []\n",
      "p.yaml");
  ASSERT_EQ(policy.themes.size(), 2u);
  const PolicyTheme& data = policy.themes[0];
  EXPECT_EQ(data.name, "data");
  EXPECT_EQ(data.terms, (std::vector<std::string>{"data", "pipeline", "data quality"}));
  EXPECT_EQ(data.accountable, (std::vector<std::string>{"DL", "Data Lead"}));
  EXPECT_EQ(data.consulted, std::vector<std::string>{"AE"});
  EXPECT_EQ(data.informed, std::vector<std::string>{"CDO"});
  const PolicyTheme& reporting = policy.themes[1];
  EXPECT_EQ(reporting.terms, (std::vector<std::string>{"dashboard", "weekly report"}));
  EXPECT_EQ(reporting.accountable, std::vector<std::string>{});
}

TEST(PolicyLoader, ReadsAPolicyWithoutThemes) {
  EXPECT_EQ(load_policy_file("themes: []\n", "p.yaml").themes.size(), 0u);
}

TEST(PolicyLoader, ReadsThePolicyKeyOfAMatrixNode) {
  yaml::Document node =
      yaml::parse("themes:\n  - {name: hiring, terms: [hire], accountable: EM}\n", "m.yaml");
  Policy policy = read_policy(node.root(), "m.yaml");
  ASSERT_EQ(policy.themes.size(), 1u);
  EXPECT_EQ(policy.themes[0].accountable, std::vector<std::string>{"EM"});
}

// ---- errors ----

TEST(PolicyLoader, RejectsAnEmptyFile) {
  EXPECT_EQ(error_of(""), "p.yaml:1:1: empty policy: expected \"themes:\"");
  EXPECT_EQ(error_of("# nothing but a comment\n"), "p.yaml:1:1: empty policy: expected \"themes:\"");
}

TEST(PolicyLoader, RejectsInvalidYaml) {
  EXPECT_EQ(error_of("themes: [hiring\n"), "p.yaml:2:1: invalid YAML: end of sequence flow not found");
}

TEST(PolicyLoader, RejectsAPolicyThatIsNotAMapping) {
  EXPECT_EQ(error_of("- hiring\n- people\n"), "p.yaml:1:1: a policy must be a mapping, found a list");
}

TEST(PolicyLoader, RejectsAnUnknownKey) {
  EXPECT_EQ(error_of("themes: []\nrules: []\n"),
            "p.yaml:2:1: unknown key \"rules\" (expected one of: themes)");
}

TEST(PolicyLoader, RejectsAnUnknownKeyInATheme) {
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: hiring\n"
                     "    terms: [hire]\n"
                     "    responsible: EM\n"),
            "p.yaml:4:5: unknown key \"responsible\" (expected one of: name, terms, accountable, consulted, "
            "informed)");
}

TEST(PolicyLoader, RejectsARepeatedKeyInATheme) {
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: hiring\n"
                     "    terms: [hire]\n"
                     "    terms: [recruit]\n"),
            "p.yaml:4:5: duplicate key \"terms\"");
}

TEST(PolicyLoader, RejectsAThemeWithoutName) {
  EXPECT_EQ(error_of("themes:\n"
                     "  - terms: [hire]\n"
                     "    accountable: EM\n"),
            "p.yaml:2:5: theme is missing \"name\"");
}

TEST(PolicyLoader, RejectsAThemeWithAnEmptyName) {
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: \"\"\n"
                     "    terms: [hire]\n"),
            "p.yaml:2:11: empty theme name");
  EXPECT_EQ(error_of("themes:\n"
                     "  - name:\n"
                     "    terms: [hire]\n"),
            "p.yaml:2:5: a theme name must be text, found nothing");
}

TEST(PolicyLoader, RejectsAThemeWithoutTerms) {
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: hiring\n"
                     "    accountable: EM\n"),
            "p.yaml:2:5: theme \"hiring\" has no terms");
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: hiring\n"
                     "    terms: []\n"),
            "p.yaml:2:5: theme \"hiring\" has no terms");
}

TEST(PolicyLoader, RejectsARepeatedThemeName) {
  EXPECT_EQ(error_of("themes:\n"
                     "  - {name: hiring, terms: [hire]}\n"
                     "  - {name: people, terms: [coach]}\n"
                     "  - {name: hiring, terms: [recruit]}\n"),
            "p.yaml:4:12: duplicate theme \"hiring\" (first at line 2)");
}

TEST(PolicyLoader, RejectsThemesThatAreNotAList) {
  EXPECT_EQ(error_of("themes:\n  hiring: [hire]\n"), "p.yaml:2:3: themes must be a list, found a mapping");
  EXPECT_EQ(error_of("themes: hiring\n"), "p.yaml:1:9: themes must be a list, found text");
  EXPECT_EQ(error_of("themes:\n# none yet\n"), "p.yaml:1:1: themes must be a list, found nothing");
}

TEST(PolicyLoader, RejectsAThemeThatIsNotAMapping) {
  EXPECT_EQ(error_of("themes:\n  - hiring\n"), "p.yaml:2:5: a theme must be a mapping, found text");
}

TEST(PolicyLoader, RejectsTermsOfTheWrongType) {
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: hiring\n"
                     "    terms: {hire: 1}\n"),
            "p.yaml:3:12: terms must be a list, found a mapping");
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: hiring\n"
                     "    terms: [hire, [recruit]]\n"),
            "p.yaml:3:19: terms must be text, found a list");
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: hiring\n"
                     "    terms: [hire, \" \"]\n"),
            "p.yaml:3:19: empty text in terms");
}

TEST(PolicyLoader, RejectsRolesOfTheWrongType) {
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: hiring\n"
                     "    terms: [hire]\n"
                     "    accountable: {EM: A}\n"),
            "p.yaml:4:18: accountable must be a list, found a mapping");
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: hiring\n"
                     "    terms: [hire]\n"
                     "    consulted: [[TL]]\n"),
            "p.yaml:4:17: consulted must be text, found a list");
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: hiring\n"
                     "    terms: [hire]\n"
                     "    informed: {}\n"),
            "p.yaml:4:15: informed must be a list, found a mapping");
}

TEST(PolicyLoader, RejectsAThemeNameThatIsNotText) {
  EXPECT_EQ(error_of("themes:\n"
                     "  - name: [hiring]\n"
                     "    terms: [hire]\n"),
            "p.yaml:2:11: a theme name must be text, found a list");
}

}  // namespace
}  // namespace raci
