#include "cli/commands.h"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

namespace raci {
namespace {

const Command* find(std::string_view name) {
  for (const Command& command : commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

TEST(Commands, ListsExportCheckAndConvertWithSummaries) {
  for (std::string_view name : {"export", "check", "convert"}) {
    SCOPED_TRACE(name);
    const Command* command = find(name);
    ASSERT_NE(command, nullptr);
    EXPECT_FALSE(command->summary.empty());
    EXPECT_NE(command->run, nullptr);
  }
}

TEST(Commands, HasUniqueNamesAndAHandlerEach) {
  std::set<std::string_view> names;
  for (const Command& command : commands()) {
    EXPECT_TRUE(names.insert(command.name).second) << command.name;
    EXPECT_FALSE(command.summary.empty()) << command.name;
    EXPECT_NE(command.run, nullptr) << command.name;
  }
}

TEST(Commands, SuggestsTheCommandForATransposition) { EXPECT_EQ(suggest_command("exprot"), "export"); }

TEST(Commands, SuggestsTheCommandForAMissingLetter) {
  EXPECT_EQ(suggest_command("chek"), "check");
  EXPECT_EQ(suggest_command("exort"), "export");
}

TEST(Commands, SuggestsTheCommandForAPrefix) {
  EXPECT_EQ(suggest_command("conv"), "convert");
  EXPECT_EQ(suggest_command("exp"), "export");
}

TEST(Commands, SuggestsNothingForAFarName) {
  EXPECT_EQ(suggest_command("zzzzzz"), "");
  EXPECT_EQ(suggest_command(""), "");
}

TEST(Commands, SuggestsTheExactNameForItself) {
  for (const Command& command : commands()) EXPECT_EQ(suggest_command(command.name), command.name);
}

}  // namespace
}  // namespace raci
