#include "reading/yaml_loader.h"

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/source_location.h"

namespace raci {
namespace {

// The error load_yaml reports for `text`, as the command line prints it after "raci: error: ".
std::string error_of(std::string_view text) {
  try {
    load_yaml(text, "m.yaml");
  } catch (const InputError& e) {
    return e.describe();
  }
  return "no error";
}

std::string read_data(const std::string& name) {
  std::ifstream in(std::string(RACI_TEST_DATA) + "/yaml/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> texts_of(const Model& model) {
  std::vector<std::string> texts;
  for (const Duty& duty : model.duties) texts.push_back(duty.text);
  return texts;
}

std::vector<std::string> ids_of(const Model& model) {
  std::vector<std::string> ids;
  for (const Duty& duty : model.duties) ids.push_back(duty.id);
  return ids;
}

std::map<std::string, std::string> raci_of(const Duty& duty) {
  std::map<std::string, std::string> cells;
  for (const ExplicitCell& cell : duty.raci) cells[cell.role_id] = cell.letters.to_string();
  return cells;
}

// A matrix with one role EM whose duties are `duties` (a YAML list, indented by 6).
std::string one_role(std::string_view duties) {
  return "roles:\n"
         "  - id: EM\n"
         "    name: Engineering Manager\n"
         "    duties:\n" +
         std::string(duties);
}

// ---- valid input ----

TEST(YamlLoader, ReadsTheSchemaExample) {
  Model model = load_yaml(read_data("schema-example.yaml"), "m.yaml");
  EXPECT_EQ(model.title, "Lead Roles & Responsibilities");
  EXPECT_EQ(model.description, "Key aspects for leadership");
  EXPECT_EQ(model.source_file, "m.yaml");
  ASSERT_EQ(model.roles.size(), 2u);
  EXPECT_EQ(model.roles[0].id, "EM");
  EXPECT_EQ(model.roles[0].name, "Engineering Manager");
  EXPECT_EQ(model.roles[0].source.to_string(), "m.yaml:5:5");
  EXPECT_EQ(model.roles[1].id, "TL");
  EXPECT_EQ(model.roles[1].name, "Technical Leader");

  ASSERT_EQ(model.duties.size(), 3u);
  const Duty& assess = model.duties[0];
  EXPECT_EQ(assess.text, "Continuously assess and validate hiring plans based on engineering/squad needs");
  EXPECT_EQ(assess.role, 0u);
  EXPECT_EQ(assess.area, "Hiring (Squad Formation)");
  EXPECT_EQ(assess.source.to_string(), "m.yaml:10:13");
  EXPECT_FALSE(assess.id_given);
  EXPECT_TRUE(assess.raci.empty());

  const Duty& interviews = model.duties[1];
  EXPECT_EQ(interviews.text, "Conduct managerial interviews for candidates");
  EXPECT_EQ(interviews.id, "em-managerial-interviews");
  EXPECT_TRUE(interviews.id_given);
  EXPECT_EQ(interviews.role, 0u);
  EXPECT_EQ(interviews.area, "Hiring (Squad Formation)");
  EXPECT_EQ(interviews.source.to_string(), "m.yaml:11:13");
  ASSERT_EQ(interviews.raci.size(), 2u);
  EXPECT_EQ(interviews.raci[0].role_id, "EM");
  EXPECT_EQ(interviews.raci[0].letters, Letters(Letters::kA | Letters::kR));
  EXPECT_EQ(interviews.raci[1].role_id, "TL");
  EXPECT_EQ(interviews.raci[1].letters, Letters(Letters::kC));

  const Duty& technical = model.duties[2];
  EXPECT_EQ(technical.text, "Conduct technical interviews to support hiring decisions");
  EXPECT_EQ(technical.role, 1u);
  EXPECT_EQ(technical.area, "");
  EXPECT_EQ(technical.id, "tl-conduct-technical-interviews-support-hiring");
  EXPECT_TRUE(model.findings.empty());
}

TEST(YamlLoader, ReadsLettersSpelledAnyWayAsTheSameCell) {
  for (std::string spelled : {"A/R", "AR", "R/A", "ra", "r, a", "A + R", "a r"}) {
    SCOPED_TRACE(spelled);
    Model model = load_yaml(one_role("      - text: Hire\n"
                                     "        raci: {EM: \"" +
                                     spelled + "\"}\n"),
                            "m.yaml");
    ASSERT_EQ(model.duties.size(), 1u);
    ASSERT_EQ(model.duties[0].raci.size(), 1u);
    EXPECT_EQ(model.duties[0].raci[0].letters, Letters(Letters::kA | Letters::kR));
    EXPECT_EQ(model.duties[0].raci[0].letters.to_string(), "A/R");
  }
}

TEST(YamlLoader, ReadsAnEmptyOrNullLetterAsAnExplicitEmptyCell) {
  Model model = load_yaml(one_role("      - text: Hire\n"
                                   "        raci: {EM: A, TL: \"\", QA: -, PM: }\n") +
                              "  - id: TL\n    name: Technical Leader\n"
                              "  - id: QA\n    name: Quality\n"
                              "  - id: PM\n    name: Product Manager\n",
                          "m.yaml");
  ASSERT_EQ(model.duties.size(), 1u);
  EXPECT_EQ(raci_of(model.duties[0]),
            (std::map<std::string, std::string>{{"EM", "A"}, {"TL", ""}, {"QA", ""}, {"PM", ""}}));
}

TEST(YamlLoader, AcceptsSchemaVersionOne) {
  Model model = load_yaml("version: 1\nroles:\n  - id: EM\n    name: Engineering Manager\n    duties: [Hire]\n",
                          "v.yaml");
  ASSERT_EQ(model.duties.size(), 1u);
  EXPECT_EQ(model.duties[0].text, "Hire");
}

TEST(YamlLoader, DefaultsTheTitleToTheFileStem) {
  std::string text = one_role("      - Hire\n");
  EXPECT_EQ(load_yaml(text, "m.yaml").title, "m");
  EXPECT_EQ(load_yaml(text, "matrices/lead-roles.yaml").title, "lead-roles");
  EXPECT_EQ(load_yaml(text, "dir.d/org.v2.yml").title, "org.v2");
  EXPECT_EQ(load_yaml("title:\n" + text, "m.yaml").title, "m");
  EXPECT_EQ(load_yaml("title: \"  \"\n" + text, "m.yaml").title, "m");
  EXPECT_EQ(load_yaml("title: Leads\n" + text, "m.yaml").title, "Leads");
}

TEST(YamlLoader, TreatsAnEmptyDescriptionAsNone) {
  EXPECT_EQ(load_yaml("description:\n" + one_role("      - Hire\n"), "m.yaml").description, "");
}

TEST(YamlLoader, WarnsAboutARoleWithoutDuties) {
  Model model = load_yaml(one_role("      - Hire\n") +
                              "  - id: TL\n"
                              "    name: Technical Leader\n"
                              "  - id: PM\n"
                              "    name: Product Manager\n"
                              "    areas:\n"
                              "      - name: Empty area\n"
                              "        duties: []\n",
                          "m.yaml");
  ASSERT_EQ(model.findings.size(), 2u);
  EXPECT_EQ(model.findings[0].severity, Severity::kWarning);
  EXPECT_EQ(model.findings[0].code, "role-without-duties");
  EXPECT_EQ(model.findings[0].location.to_string(), "m.yaml:6:5");
  EXPECT_EQ(model.findings[0].message, "role TL (Technical Leader) lists no duty");
  EXPECT_EQ(model.findings[1].code, "role-without-duties");
  EXPECT_EQ(model.findings[1].location.to_string(), "m.yaml:8:5");
  EXPECT_EQ(model.findings[1].message, "role PM (Product Manager) lists no duty");
}

TEST(YamlLoader, AcceptsEmptyDutiesAndAreas) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    duties:\n"
      "    areas:\n",
      "m.yaml");
  EXPECT_TRUE(model.duties.empty());
  ASSERT_EQ(model.findings.size(), 1u);
  EXPECT_EQ(model.findings[0].code, "role-without-duties");
}

TEST(YamlLoader, KeepsExplicitDutyIdsAndDerivesOthersAroundThem) {
  Model model = load_yaml(one_role("      - Conduct interviews\n"
                                   "      - text: Hire people\n"
                                   "        id: em-conduct-interviews\n"
                                   "      - Conduct interviews\n"
                                   "      - text: Plan\n"
                                   "        id: em-conduct-interviews-2\n"
                                   "      - Hire people\n"),
                          "m.yaml");
  EXPECT_EQ(ids_of(model), (std::vector<std::string>{"em-conduct-interviews-3", "em-conduct-interviews",
                                                     "em-conduct-interviews-4", "em-conduct-interviews-2",
                                                     "em-hire-people"}));
  EXPECT_FALSE(model.duties[0].id_given);
  EXPECT_TRUE(model.duties[1].id_given);
  EXPECT_TRUE(model.duties[3].id_given);
}

TEST(YamlLoader, DerivesDutyIdsFromTheRoleAndTheText) {
  Model model = load_yaml(one_role("      - Conduct managerial interviews for candidates\n"
                                   "      - \"!!!\"\n"),
                          "m.yaml");
  EXPECT_EQ(ids_of(model),
            (std::vector<std::string>{"em-conduct-managerial-interviews-candidates", "em-duty"}));
}

TEST(YamlLoader, KeepsTheOrderOfAreasAndDuties) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    areas:\n"
      "      - name: Zeta\n"
      "        duties: [z2, z1]\n"
      "      - duties: [a2, a1]\n"
      "        name: Alpha\n"
      "      - name: Mid\n"
      "        duties: [m1]\n"
      "    duties: [loose2, loose1]\n"
      "  - id: TL\n"
      "    name: Technical Leader\n"
      "    duties: [t2]\n"
      "    areas:\n"
      "      - name: Beta\n"
      "        duties: [b1]\n",
      "m.yaml");
  EXPECT_EQ(texts_of(model),
            (std::vector<std::string>{"z2", "z1", "a2", "a1", "m1", "loose2", "loose1", "t2", "b1"}));
  EXPECT_EQ(model.areas_of(0), (std::vector<std::string>{"Zeta", "Alpha", "Mid", ""}));
  EXPECT_EQ(model.areas_of(1), (std::vector<std::string>{"", "Beta"}));
}

TEST(YamlLoader, GroupsAnAreaNamedTwiceUnderItsFirstAppearance) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: EM\n"
      "    name: Engineering Manager\n"
      "    areas:\n"
      "      - name: People\n"
      "        duties: [p1]\n"
      "      - name: Delivery\n"
      "        duties: [d1]\n"
      "      - name: People\n"
      "        duties: [p2]\n",
      "m.yaml");
  EXPECT_EQ(texts_of(model), (std::vector<std::string>{"p1", "p2", "d1"}));
}

TEST(YamlLoader, AcceptsARaciRoleDefinedLater) {
  Model model = load_yaml(one_role("      - text: Hire\n"
                                   "        raci: {TL: C, EM: A/R}\n") +
                              "  - id: TL\n"
                              "    name: Technical Leader\n",
                          "m.yaml");
  ASSERT_EQ(model.duties.size(), 1u);
  EXPECT_EQ(raci_of(model.duties[0]), (std::map<std::string, std::string>{{"EM", "A/R"}, {"TL", "C"}}));
  EXPECT_EQ(model.duties[0].raci[0].role_id, "TL");  // input order is kept
}

TEST(YamlLoader, AcceptsBlockStyleRaci) {
  Model model = load_yaml(one_role("      - text: Hire\n"
                                   "        raci:\n"
                                   "          EM: i/c\n"),
                          "m.yaml");
  EXPECT_EQ(raci_of(model.duties[0]), (std::map<std::string, std::string>{{"EM", "C/I"}}));
}

TEST(YamlLoader, NormalizesWhiteSpaceInText) {
  Model model = load_yaml(
      "title: \"  Lead\\t roles \"\n"
      "roles:\n"
      "  - id: EM\n"
      "    name: \" Engineering\\u00a0 Manager \"\n"
      "    duties:\n"
      "      - >\n"
      "        Folded text\n"
      "        over two lines\n"
      "      - \"  Spaced   out  \"\n",
      "m.yaml");
  EXPECT_EQ(model.title, "Lead roles");
  EXPECT_EQ(model.roles[0].name, "Engineering Manager");
  EXPECT_EQ(texts_of(model), (std::vector<std::string>{"Folded text over two lines", "Spaced out"}));
}

TEST(YamlLoader, KeepsQuotedSpecialCharacters) {
  Model model = load_yaml(one_role("      - \"Hold 1:1's with the team # weekly\"\n"
                                   "      - '- starts with a dash'\n"
                                   "      - \"caf\\u00e9 — team’s\"\n"),
                          "m.yaml");
  EXPECT_EQ(texts_of(model), (std::vector<std::string>{"Hold 1:1's with the team # weekly",
                                                       "- starts with a dash", "café — team’s"}));
}

TEST(YamlLoader, ReadsCrlfLineEnds) {
  Model model = load_yaml(
      "title: Leads\r\n"
      "roles:\r\n"
      "  - id: EM\r\n"
      "    name: Engineering Manager\r\n"
      "    duties:\r\n"
      "      - Hire\r\n"
      "      - \"Plan\"\r\n",
      "m.yaml");
  EXPECT_EQ(model.title, "Leads");
  EXPECT_EQ(texts_of(model), (std::vector<std::string>{"Hire", "Plan"}));
  EXPECT_EQ(model.duties[1].source.to_string(), "m.yaml:7:9");
  EXPECT_EQ(error_of("roles:\r\n"
                     "  - id: EM\r\n"
                     "    name: E\r\n"
                     "    duties:\r\n"
                     "      -\r\n"
                     "      - Plan\r\n"),
            "m.yaml:5:7: empty duty: expected its text");
}

TEST(YamlLoader, RepairsMojibakeAndReportsIt) {
  Model model = load_yaml(one_role("      - Support the teamâ€™s growth\n"), "m.yaml");
  ASSERT_EQ(model.duties.size(), 1u);
  EXPECT_EQ(model.duties[0].text, "Support the team’s growth");
  ASSERT_EQ(model.findings.size(), 1u);
  EXPECT_EQ(model.findings[0].code, "repaired-mojibake");
  EXPECT_EQ(model.findings[0].severity, Severity::kWarning);
  EXPECT_EQ(model.findings[0].location.to_string(), "m.yaml:5:9");
}

TEST(YamlLoader, AcceptsTheLongestRoleId) {
  Model model = load_yaml(
      "roles:\n"
      "  - id: A234567890123_-z\n"
      "    name: Long\n"
      "    duties: [x]\n",
      "m.yaml");
  EXPECT_EQ(model.roles[0].id, "A234567890123_-z");
}

TEST(YamlLoader, ReadsTheBundledMatrix) {
  std::ifstream in(std::string(RACI_TEST_DATA) + "/../../matrices/lead-roles.yaml", std::ios::binary);
  ASSERT_TRUE(in) << "matrices/lead-roles.yaml is missing";
  std::ostringstream text;
  text << in.rdbuf();
  Model model = load_yaml(text.str(), "lead-roles.yaml");
  ASSERT_GE(model.roles.size(), 2u);
  EXPECT_EQ(model.roles[0].id, "EM");
  EXPECT_FALSE(model.duties.empty());
}

// ---- errors, asserted exactly ----

TEST(YamlLoader, RejectsInvalidYamlSyntaxWithItsPosition) {
  EXPECT_EQ(error_of("roles: [EM\n"), "m.yaml:2:1: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(error_of("roles:\n"
                     "  - id: EM\n"
                     "   name: x\n"),
            "m.yaml:3:4: invalid YAML: end of sequence not found");
  EXPECT_EQ(error_of("roles:\n"
                     "\t- id: EM\n"),
            "m.yaml:2:2: invalid YAML: illegal block entry");
  EXPECT_EQ(error_of("title: a: b\nroles: []\n"), "m.yaml:1:9: invalid YAML: illegal map value");
  EXPECT_EQ(error_of("roles: [a]]\n"), "m.yaml:1:11: invalid YAML: illegal flow end");
  EXPECT_EQ(error_of("title: &t x\nroles: *r\n"),
            "m.yaml:2:8: invalid YAML: the referenced anchor is not defined");
}

TEST(YamlLoader, RejectsQuotedTextThatIsNeverClosed) {
  // yaml-cpp alone would take the rest of the file as the title, then miss `roles`.
  EXPECT_EQ(error_of("title: \"Lead roles\nroles:\n  - id: EM\n"),
            "m.yaml:1:8: invalid YAML: end of quoted text not found");
  EXPECT_EQ(error_of("roles:\n  - id: EM\n    name: 'Engineering Manager\n"),
            "m.yaml:3:11: invalid YAML: end of quoted text not found");
  EXPECT_EQ(error_of(one_role("      - \"Café — \\\"quoted\\\" text\n")),
            "m.yaml:5:9: invalid YAML: end of quoted text not found");
  // Positions count bytes, so text before the quote may be any UTF-8.
  EXPECT_EQ(error_of("description: Café — 日本語\n" + one_role("      - \"never closed\n")),
            "m.yaml:6:9: invalid YAML: end of quoted text not found");
  // Escaped and doubled quotes inside closed quotes are fine.
  Model model = load_yaml(one_role("      - \"say \\\"no\\\"\"\n"
                                   "      - 'it''s'\n"
                                   "      - \"back\\\\\"\n"),
                          "m.yaml");
  EXPECT_EQ(model.duties[0].text, "say \"no\"");
  EXPECT_EQ(model.duties[1].text, "it's");
  EXPECT_EQ(model.duties[2].text, "back\\");
}

TEST(YamlLoader, RejectsAnEmptyFile) {
  EXPECT_EQ(error_of(""), "m.yaml:1:1: empty matrix: expected a mapping with \"roles\"");
  EXPECT_EQ(error_of("\n  \n"), "m.yaml:1:1: empty matrix: expected a mapping with \"roles\"");
  EXPECT_EQ(error_of("# only a comment\n"), "m.yaml:1:1: empty matrix: expected a mapping with \"roles\"");
  EXPECT_EQ(error_of("---\n...\n"), "m.yaml:1:1: empty matrix: expected a mapping with \"roles\"");
}

TEST(YamlLoader, RejectsATopLevelThatIsNotAMapping) {
  EXPECT_EQ(error_of("- id: EM\n"), "m.yaml:1:1: the matrix must be a mapping, found a list");
  EXPECT_EQ(error_of("# a matrix\nroles\n"), "m.yaml:2:1: the matrix must be a mapping, found text");
}

TEST(YamlLoader, RejectsAMatrixWithoutRoles) {
  EXPECT_EQ(error_of("title: Leads\n"), "m.yaml:1:1: missing key \"roles\"");
}

TEST(YamlLoader, RejectsAnEmptyRolesList) {
  EXPECT_EQ(error_of("roles: []\n"), "m.yaml:1:8: roles must list at least one role");
  EXPECT_EQ(error_of("roles:\n"), "m.yaml:1:6: roles must list at least one role");
  EXPECT_EQ(error_of("roles:   # none yet\n\ntitle: x\n"), "m.yaml:1:6: roles must list at least one role");
}

TEST(YamlLoader, RejectsAnUnknownTopLevelKeyWithItsLine) {
  EXPECT_EQ(error_of("title: x\n"
                     "role:\n"
                     "  - id: EM\n"),
            "m.yaml:2:1: unknown key \"role\" (expected one of: version, title, description, roles, thresholds, policy, lexicon, decisions)");
}

TEST(YamlLoader, RejectsAnUnknownRoleKeyWithItsLine) {
  EXPECT_EQ(error_of("roles:\n"
                     "  - id: EM\n"
                     "    name: E\n"
                     "    dutie:\n"
                     "      - x\n"),
            "m.yaml:4:5: unknown key \"dutie\" (expected one of: id, name, areas, duties)");
}

TEST(YamlLoader, RejectsAnUnknownAreaKeyWithItsLine) {
  EXPECT_EQ(error_of("roles:\n"
                     "  - id: EM\n"
                     "    name: E\n"
                     "    areas:\n"
                     "      - name: People\n"
                     "        items: [x]\n"),
            "m.yaml:6:9: unknown key \"items\" (expected one of: name, duties)");
}

TEST(YamlLoader, RejectsAnUnknownDutyKeyWithItsLine) {
  EXPECT_EQ(error_of(one_role("      - text: x\n"
                              "        ids: y\n")),
            "m.yaml:6:9: unknown key \"ids\" (expected one of: text, id, raci)");
}

TEST(YamlLoader, RejectsADuplicateKey) {
  EXPECT_EQ(error_of("title: a\n"
                     "title: b\n"
                     "roles: []\n"),
            "m.yaml:2:1: duplicate key \"title\"");
  EXPECT_EQ(error_of("roles:\n"
                     "  - id: EM\n"
                     "    id: TL\n"
                     "    name: E\n"),
            "m.yaml:3:5: duplicate key \"id\"");
  EXPECT_EQ(error_of(one_role("      - text: x\n"
                              "        text: y\n")),
            "m.yaml:6:9: duplicate key \"text\"");
  EXPECT_EQ(error_of(one_role("      - text: x\n"
                              "        raci: {EM: A, EM: R}\n")),
            "m.yaml:6:23: duplicate role \"EM\" in raci");
}

TEST(YamlLoader, RejectsANonTextKey) {
  EXPECT_EQ(error_of("[a, b]: x\nroles: []\n"), "m.yaml:1:1: keys must be text");
  EXPECT_EQ(error_of(one_role("      - text: x\n"
                              "        raci: {[EM]: A}\n")),
            "m.yaml:6:16: raci keys must be role ids");
}

TEST(YamlLoader, RejectsARoleWithoutId) {
  EXPECT_EQ(error_of("roles:\n"
                     "  - name: Engineering Manager\n"
                     "    duties: [x]\n"),
            "m.yaml:2:5: role is missing \"id\"");
}

TEST(YamlLoader, RejectsARoleWithoutName) {
  EXPECT_EQ(error_of("roles:\n"
                     "  - id: EM\n"
                     "    duties: [x]\n"),
            "m.yaml:2:5: role is missing \"name\"");
  EXPECT_EQ(error_of("roles:\n"
                     "  - id: EM\n"
                     "    name: \"\"\n"),
            "m.yaml:3:11: empty role name");
}

TEST(YamlLoader, RejectsAnInvalidRoleId) {
  const std::string expected = ": expected a letter, then up to 15 letters, digits, '_' or '-'";
  EXPECT_EQ(error_of("roles:\n  - id: 1EM\n    name: E\n"), "m.yaml:2:9: invalid role id \"1EM\"" + expected);
  EXPECT_EQ(error_of("roles:\n  - id: E M\n    name: E\n"), "m.yaml:2:9: invalid role id \"E M\"" + expected);
  EXPECT_EQ(error_of("roles:\n  - id: ABCDEFGHIJKLMNOPQ\n    name: E\n"),
            "m.yaml:2:9: invalid role id \"ABCDEFGHIJKLMNOPQ\"" + expected);
  EXPECT_EQ(error_of("roles:\n  - id: \"\"\n    name: E\n"), "m.yaml:2:9: invalid role id \"\"" + expected);
  EXPECT_EQ(error_of("roles:\n  - id: É\n    name: E\n"), "m.yaml:2:9: invalid role id \"É\"" + expected);
}

TEST(YamlLoader, RejectsADuplicateRoleId) {
  EXPECT_EQ(error_of("roles:\n"
                     "  - id: EM\n"
                     "    name: Engineering Manager\n"
                     "  - id: EM\n"
                     "    name: Engineering Mentor\n"),
            "m.yaml:4:9: duplicate role id \"EM\" (first at line 2)");
}

TEST(YamlLoader, RejectsADuplicateRoleName) {
  EXPECT_EQ(error_of("roles:\n"
                     "  - id: EM\n"
                     "    name: Engineering Manager\n"
                     "  - id: EM2\n"
                     "    name: Engineering Manager\n"),
            "m.yaml:5:11: duplicate role name \"Engineering Manager\" (first at line 3)");
}

TEST(YamlLoader, RejectsValuesOfTheWrongType) {
  EXPECT_EQ(error_of("roles: EM\n"), "m.yaml:1:8: roles must be a list, found text");
  EXPECT_EQ(error_of("roles: {EM: x}\n"), "m.yaml:1:8: roles must be a list, found a mapping");
  EXPECT_EQ(error_of("roles:\n  - EM\n"), "m.yaml:2:5: a role must be a mapping, found text");
  EXPECT_EQ(error_of("roles:\n  -\n  - id: EM\n"), "m.yaml:2:3: a role must be a mapping, found nothing");
  EXPECT_EQ(error_of("title: [a, b]\nroles: []\n"), "m.yaml:1:8: title must be text, found a list");
  EXPECT_EQ(error_of("description: {a: b}\nroles: []\n"),
            "m.yaml:1:14: description must be text, found a mapping");
  EXPECT_EQ(error_of("roles:\n  - id: [EM]\n    name: E\n"),
            "m.yaml:2:9: a role id must be text, found a list");
  EXPECT_EQ(error_of("roles:\n  - id:\n    name: E\n"), "m.yaml:2:7: a role id must be text, found nothing");
  EXPECT_EQ(error_of("roles:\n  - id: EM\n    name: {a: b}\n"),
            "m.yaml:3:11: a role name must be text, found a mapping");
  EXPECT_EQ(error_of(one_role("      a: b\n")), "m.yaml:5:7: duties must be a list, found a mapping");
  EXPECT_EQ(error_of(one_role("      - [a, b]\n")), "m.yaml:5:9: a duty must be text, found a list");
  EXPECT_EQ(error_of(one_role("      - text: [a]\n")), "m.yaml:5:15: duty text must be text, found a list");
  EXPECT_EQ(error_of(one_role("      - text: a\n        raci: [EM]\n")),
            "m.yaml:6:15: raci must be a mapping, found a list");
  EXPECT_EQ(error_of(one_role("      - text: a\n        raci: {EM: [A]}\n")),
            "m.yaml:6:20: letters must be text, found a list");
  EXPECT_EQ(error_of("roles:\n  - id: EM\n    name: E\n    areas: People\n"),
            "m.yaml:4:12: areas must be a list, found text");
  EXPECT_EQ(error_of("roles:\n  - id: EM\n    name: E\n    areas:\n      - People\n"),
            "m.yaml:5:9: an area must be a mapping, found text");
}

TEST(YamlLoader, RejectsABadArea) {
  EXPECT_EQ(error_of("roles:\n  - id: EM\n    name: E\n    areas:\n      - duties: [x]\n"),
            "m.yaml:5:9: area is missing \"name\"");
  EXPECT_EQ(error_of("roles:\n  - id: EM\n    name: E\n    areas:\n      - name: \" \"\n"),
            "m.yaml:5:15: empty area name");
}

TEST(YamlLoader, RejectsInvalidLetters) {
  const std::string expected = ": expected a combination of R, A, C and I";
  EXPECT_EQ(error_of(one_role("      - text: x\n        raci: {EM: X}\n")),
            "m.yaml:6:20: invalid letters \"X\" for role EM" + expected);
  EXPECT_EQ(error_of(one_role("      - text: x\n        raci: {EM: AZ}\n")),
            "m.yaml:6:20: invalid letters \"AZ\" for role EM" + expected);
  EXPECT_EQ(error_of(one_role("      - text: x\n        raci:\n          EM: A-R\n")),
            "m.yaml:7:15: invalid letters \"A-R\" for role EM" + expected);
}

TEST(YamlLoader, RejectsAnUnknownRoleInRaci) {
  EXPECT_EQ(error_of(one_role("      - Plan\n"
                              "      - text: x\n"
                              "        raci: {EM: A, XX: R}\n")),
            "m.yaml:7:23: unknown role \"XX\" in raci of duty at line 6");
  // Role ids are case-sensitive.
  EXPECT_EQ(error_of(one_role("      - text: x\n"
                              "        raci:\n"
                              "          em: A\n")),
            "m.yaml:7:11: unknown role \"em\" in raci of duty at line 5");
}

TEST(YamlLoader, RejectsAnEmptyDuty) {
  EXPECT_EQ(error_of(one_role("      - \"\"\n")), "m.yaml:5:9: empty duty: expected its text");
  EXPECT_EQ(error_of(one_role("      - \"   \"\n")), "m.yaml:5:9: empty duty: expected its text");
  EXPECT_EQ(error_of(one_role("      - \n")), "m.yaml:5:7: empty duty: expected its text");
  EXPECT_EQ(error_of(one_role("      -\n"
                              "      - Plan\n")),
            "m.yaml:5:7: empty duty: expected its text");
  EXPECT_EQ(error_of(one_role("      -   # to do\n"
                              "\n"
                              "      - Plan\n")),
            "m.yaml:5:7: empty duty: expected its text");
  EXPECT_EQ(error_of(one_role("      - ~\n")), "m.yaml:5:9: empty duty: expected its text");
  EXPECT_EQ(error_of(one_role("      - text: \"\"\n")), "m.yaml:5:9: empty duty: expected its text");
  EXPECT_EQ(error_of(one_role("      - text:\n")), "m.yaml:5:13: duty text must be text, found nothing");
}

TEST(YamlLoader, RejectsADutyWithoutText) {
  EXPECT_EQ(error_of(one_role("      - Plan\n"
                              "      - id: em-hire\n"
                              "        raci: {EM: A}\n")),
            "m.yaml:6:9: duty is missing \"text\"");
}

TEST(YamlLoader, RejectsADuplicateDutyId) {
  EXPECT_EQ(error_of(one_role("      - text: Plan\n"
                              "        id: em-plan\n"
                              "      - Hire\n"
                              "      - text: Plan again\n"
                              "        id: em-plan\n")),
            "m.yaml:8:9: duplicate duty id \"em-plan\" (first used at line 5)");
}

TEST(YamlLoader, RejectsAnInvalidDutyId) {
  const std::string expected = ": expected 1 to 64 letters, digits, '.', '_' or '-'";
  EXPECT_EQ(error_of(one_role("      - text: Plan\n        id: \"em plan\"\n")),
            "m.yaml:6:13: invalid duty id \"em plan\"" + expected);
  EXPECT_EQ(error_of(one_role("      - text: Plan\n        id: em/plan\n")),
            "m.yaml:6:13: invalid duty id \"em/plan\"" + expected);
  std::string long_id(65, 'x');
  EXPECT_EQ(error_of(one_role("      - text: Plan\n        id: " + long_id + "\n")),
            "m.yaml:6:13: invalid duty id \"" + long_id + "\"" + expected);
  EXPECT_EQ(error_of(one_role("      - text: Plan\n        id: " + std::string(64, 'x') + "\n")), "no error");
}

}  // namespace
}  // namespace raci
