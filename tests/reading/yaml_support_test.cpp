#include "reading/yaml_support.h"

#include <string>

#include <gtest/gtest.h>

#include "model/source_location.h"

namespace raci::yaml {
namespace {

// The error parse reports for `text`, as the command line prints it after "raci: error: ".
std::string error_of(const std::string& text) {
  try {
    parse(text, "m.yaml");
  } catch (const InputError& e) {
    return e.describe();
  }
  return "no error";
}

std::string nested_lists(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// Nine lists of nine of the list before: 9^levels leaves from a few hundred bytes.
std::string laughs(int levels) {
  std::string text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= levels; ++i) {
    text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int j = 0; j < 9; ++j) text += (j ? ", *l" : "*l") + std::to_string(i - 1);
    text += "]\n";
  }
  return text;
}

TEST(YamlParse, ReadsNestingUpToTheLimit) { EXPECT_EQ(error_of(nested_lists(kMaxYamlDepth)), "no error"); }

TEST(YamlParse, NestingPastTheLimitIsAnErrorWhereItIsCrossed) {
  EXPECT_EQ(error_of(nested_lists(kMaxYamlDepth + 1)), "m.yaml:1:101: YAML nested more than 100 levels deep");
  EXPECT_EQ(error_of("a:\n  b: " + nested_lists(99)), "m.yaml:2:104: YAML nested more than 100 levels deep");
}

TEST(YamlParse, NestingAHundredThousandDeepIsAnErrorNotACrash) {
  EXPECT_EQ(error_of(nested_lists(100000)), "m.yaml:1:101: YAML nested more than 100 levels deep");
  std::string compact;
  for (int i = 0; i < 100000; ++i) compact += "- ";
  EXPECT_EQ(error_of(compact + "x"), "m.yaml:1:201: YAML nested more than 100 levels deep");
}

TEST(YamlParse, ReadsAliasesThatStayWithinTheNodeLimit) {
  EXPECT_EQ(error_of(laughs(5)), "no error");  // 9^6 = 531441 leaves
}

TEST(YamlParse, AliasesThatExpandPastTheNodeLimitAreAnErrorAtTheAlias) {
  EXPECT_EQ(error_of(laughs(9)), "m.yaml:7:35: alias \"*l5\" expands the YAML to more than 4000000 nodes");
}

TEST(YamlParse, AnAliasInsideTheNodeItNamesIsAnError) {
  EXPECT_EQ(error_of("a: &x\n  - b\n  - *x\n"), "m.yaml:3:5: alias \"*x\" names a node that holds it");
}

TEST(YamlParse, ASecondDocumentIsAnError) {
  EXPECT_EQ(error_of("a: 1\n---\nb: 2\n"),
            "m.yaml:2:1: a second YAML document starts here: expected one document per file");
  EXPECT_EQ(error_of("a: 1\n...\n# done\nb: 2\n"),
            "m.yaml:4:1: a second YAML document starts here: expected one document per file");
}

TEST(YamlParse, AnOpeningMarkerDirectivesAndAClosingMarkerAreOneDocument) {
  EXPECT_EQ(error_of("%YAML 1.2\n---\na: |\n  --- inside text\nb: 2\n...\n\n# end\n"), "no error");
}

TEST(YamlParse, ADocumentStartingWithACommaIsAnError) {
  // yaml-cpp 0.7 reads it as an empty document, then finds empty documents without end.
  EXPECT_EQ(error_of("\n  ,roles:\n"), "m.yaml:2:3: invalid YAML: unexpected ','");
}

}  // namespace
}  // namespace raci::yaml
