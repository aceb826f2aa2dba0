#include "reading/markdown_loader.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "reading/input.h"

namespace raci {
namespace {

using Texts = std::vector<std::string>;

Model load(std::string_view text) { return load_markdown(text, "page.md"); }

std::string read_test_page(const std::string& name) {
  std::ifstream in(std::string(RACI_TEST_DATA) + "/pages/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The duty texts of the role with this id (all roles when id is empty), in model order.
Texts texts(const Model& model, const std::string& role_id = "") {
  Texts out;
  for (const Duty& duty : model.duties) {
    if (role_id.empty() || model.roles[duty.role].id == role_id) out.push_back(duty.text);
  }
  return out;
}

// "area | text" of every duty, in model order.
Texts areas_and_texts(const Model& model) {
  Texts out;
  for (const Duty& duty : model.duties) out.push_back(duty.area + " | " + duty.text);
  return out;
}

Texts role_ids(const Model& model) {
  Texts out;
  for (const Role& role : model.roles) out.push_back(role.id);
  return out;
}

Texts role_names(const Model& model) {
  Texts out;
  for (const Role& role : model.roles) out.push_back(role.name);
  return out;
}

// "location code: message" of every finding.
Texts findings(const Model& model) {
  Texts out;
  for (const Finding& f : model.findings) {
    out.push_back(f.location.to_string() + " " + f.code + ": " + f.message);
  }
  return out;
}

const Duty* find_duty(const Model& model, std::string_view text) {
  auto it =
      std::find_if(model.duties.begin(), model.duties.end(), [&](const Duty& d) { return d.text == text; });
  return it == model.duties.end() ? nullptr : &*it;
}

// "file:line:col: message" of the InputError that loading `text` throws, "" when it loads.
std::string load_error(std::string_view text) {
  try {
    load(text);
  } catch (const InputError& e) {
    return e.describe();
  }
  return "";
}

std::string with_crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// ---- The seed page ---------------------------------------------------------------------

class MarkdownLoaderSeed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    seed_ = new Model(load_markdown(read_test_page("lead-roles.md"), "lead-roles.md"));
  }
  static void TearDownTestSuite() {
    delete seed_;
    seed_ = nullptr;
  }
  static const Model& seed() { return *seed_; }

 private:
  static Model* seed_;
};

Model* MarkdownLoaderSeed::seed_ = nullptr;

TEST_F(MarkdownLoaderSeed, ReadsTitleAndDescription) {
  EXPECT_EQ(seed().title, "Lead Roles & Responsibilities");
  EXPECT_EQ(seed().description,
            "Here we may find some key aspects for leadership positions within Engineering");
  EXPECT_EQ(seed().source_file, "lead-roles.md");
}

TEST_F(MarkdownLoaderSeed, ReadsTwoRolesWithInitialsAsIds) {
  EXPECT_EQ(role_ids(seed()), (Texts{"EM", "TL"}));
  EXPECT_EQ(role_names(seed()), (Texts{"Engineering Manager", "Technical Leader"}));
  EXPECT_EQ(seed().roles[0].source.to_string(), "lead-roles.md:7:1");
  EXPECT_EQ(seed().roles[1].source.to_string(), "lead-roles.md:47:1");
}

TEST_F(MarkdownLoaderSeed, Reads43Duties30ForEmAnd13ForTl) {
  EXPECT_EQ(seed().duties.size(), 43u);
  EXPECT_EQ(texts(seed(), "EM").size(), 30u);
  EXPECT_EQ(texts(seed(), "TL").size(), 13u);
}

TEST_F(MarkdownLoaderSeed, ReadsTheThreeAreasOfEm) {
  EXPECT_EQ(seed().areas_of(0), (Texts{"Hiring (Squad Formation)", "People Management", "Team Management"}));
  EXPECT_EQ(seed().areas_of(1), (Texts{""}));
  std::set<std::string> areas;
  for (const Duty& duty : seed().duties) areas.insert(duty.area);
  EXPECT_EQ(areas,
            (std::set<std::string>{"", "Hiring (Squad Formation)", "People Management", "Team Management"}));
}

TEST_F(MarkdownLoaderSeed, DecodesEntitiesAndRepairsMojibakeEverywhere) {
  std::vector<std::string> all{seed().title, seed().description};
  for (const Role& role : seed().roles) all.push_back(role.name);
  for (const Duty& duty : seed().duties) {
    all.push_back(duty.text);
    all.push_back(duty.area);
  }
  for (const std::string& text : all) {
    EXPECT_EQ(text.find("&#x20;"), std::string::npos) << text;
    EXPECT_EQ(text.find("&amp;"), std::string::npos) << text;
    EXPECT_EQ(text.find("â€"), std::string::npos) << text;
    EXPECT_EQ(text.find("  "), std::string::npos) << text;
    EXPECT_FALSE(text.ends_with(" ")) << text;
  }
}

TEST_F(MarkdownLoaderSeed, RepairsTheApostropheOnLine45) {
  auto line45 = std::find_if(seed().duties.begin(), seed().duties.end(),
                             [](const Duty& d) { return d.source.line == 45; });
  ASSERT_NE(line45, seed().duties.end());
  EXPECT_EQ(
      line45->text,
      "Reporting on your team’s status, product quality and performance/operational excellence metrics");
}

TEST_F(MarkdownLoaderSeed, KeepsOfficeVibeInParenthesesWhole) {
  const Duty* duty =
      find_duty(seed(), "Contribute to the sense of psychological safety on your team (OfficeVibe reviews)");
  ASSERT_NE(duty, nullptr);
  EXPECT_EQ(duty->source.line, 19);
}

TEST_F(MarkdownLoaderSeed, SplitsTheItemRunTogetherOnLine38) {
  Texts line38;
  for (const Duty& duty : seed().duties) {
    if (duty.source.line == 38) line38.push_back(duty.text);
  }
  EXPECT_EQ(line38,
            (Texts{"Guide team to work towards company OKRs", "Seek and promote processes improvement"}));
  for (const std::string& text : line38) EXPECT_EQ(find_duty(seed(), text)->area, "Team Management");
}

TEST_F(MarkdownLoaderSeed, ReportsEachRepairWithItsLine) {
  EXPECT_EQ(
      findings(seed()),
      (Texts{"lead-roles.md:38 split-run-together: split 2 items run together: \"Guide team to work towards "
             "company OKRs\" and \"Seek and promote processes improvement\"",
             "lead-roles.md:45 repaired-mojibake: repaired text decoded as Windows-1252: \"teamâ€™s\" -> "
             "\"team’s\""}));
  for (const Finding& finding : seed().findings) EXPECT_EQ(finding.severity, Severity::kWarning);
}

TEST_F(MarkdownLoaderSeed, GivesEveryDutyAUniqueIdAndItsSourceLine) {
  std::set<std::string> ids;
  for (const Duty& duty : seed().duties) {
    EXPECT_FALSE(duty.id.empty()) << duty.text;
    EXPECT_FALSE(duty.id_given) << duty.text;
    EXPECT_TRUE(ids.insert(duty.id).second) << duty.id;
    EXPECT_EQ(duty.source.file, "lead-roles.md");
    EXPECT_GE(duty.source.line, 11) << duty.text;
    EXPECT_LE(duty.source.line, 61) << duty.text;
  }
  EXPECT_EQ(seed().duties.front().id, "em-continuously-assess-validate-hiring-plans");
  EXPECT_EQ(seed().duties.front().source.to_string(), "lead-roles.md:11");
  EXPECT_EQ(seed().duties.back().id, "tl-feed-management-how-balance-engineering");
  EXPECT_EQ(seed().duties.back().source.to_string(), "lead-roles.md:61");
}

TEST_F(MarkdownLoaderSeed, ReadsTheSameWithCrlfLineEnds) {
  Model crlf = load_markdown(with_crlf(read_test_page("lead-roles.md")), "lead-roles.md");
  EXPECT_EQ(crlf.title, seed().title);
  EXPECT_EQ(crlf.description, seed().description);
  EXPECT_EQ(texts(crlf), texts(seed()));
  EXPECT_EQ(findings(crlf), findings(seed()));
  for (std::size_t i = 0; i < crlf.duties.size(); ++i) {
    EXPECT_EQ(crlf.duties[i].source.line, seed().duties[i].source.line) << crlf.duties[i].text;
    EXPECT_EQ(crlf.duties[i].area, seed().duties[i].area) << crlf.duties[i].text;
  }
}

// ---- A page mixing the dialects --------------------------------------------------------

TEST(MarkdownLoader, ReadsAPageMixingDialects) {
  Model model = load_markdown(read_test_page("squad-roles.md"), "squad-roles.md");
  EXPECT_EQ(model.title, "Squad Roles");
  EXPECT_EQ(model.description, "Who does what in a product squad");
  EXPECT_EQ(role_ids(model), (Texts{"PO", "QLEAD", "DL"}));
  EXPECT_EQ(areas_and_texts(model),
            (Texts{
                "Discovery | Interview customers and users every sprint",
                "Discovery | Keep the opportunity tree up to date",
                "Discovery | Turn research into backlog items & experiments",
                "Delivery | Write user stories with clear acceptance criteria and share "
                "them before refinement",
                "Delivery | Accept finished work at the sprint review",
                "Stakeholders | Report progress to sponsors every month",
                "Negotiate scope | Trade features against dates",
                "Negotiate scope | Say no to work outside the goal",
                " | Define the test strategy of the squad",
                " | Automate the regression suite",
                " | Track flaky tests weekly",
                " | Coach developers on testing practices",
                " | Remove impediments for the squad",
                " | Escalate risks to the program board",
                " | Host the retrospective (LeanCoffee format)",
            }));
  EXPECT_EQ(findings(model),
            (Texts{"squad-roles.md:42 split-run-together: split 2 items run together: \"Remove "
                   "impediments for the squad\" and \"Escalate risks to the program board\""}));
}

// ---- List styles -----------------------------------------------------------------------

TEST(MarkdownLoader, ReadsNumberedLists) {
  Model model = load(
      "## Product Owner\n"
      "\n"
      "1. Own the product vision\n"
      "2. Order the backlog by value\n"
      "10. Accept finished stories\n"
      "\n"
      "3) Say no to scope creep\n");
  EXPECT_EQ(texts(model), (Texts{"Own the product vision", "Order the backlog by value",
                                 "Accept finished stories", "Say no to scope creep"}));
}

TEST(MarkdownLoader, ReadsDashPlusAndStarMarkers) {
  Model model = load(
      "## Data Analyst\n"
      "\n"
      "- Build the weekly dashboards\n"
      "- Answer ad-hoc questions\n"
      "+ Clean the event data\n"
      "* Train colleagues on SQL\n");
  EXPECT_EQ(texts(model), (Texts{"Build the weekly dashboards", "Answer ad-hoc questions",
                                 "Clean the event data", "Train colleagues on SQL"}));
  EXPECT_EQ(model.duties[2].source.line, 5);
  EXPECT_TRUE(model.findings.empty());
}

// ---- Areas -----------------------------------------------------------------------------

TEST(MarkdownLoader, ReadsAParagraphEndingInAColonAsAnArea) {
  Model model = load(
      "## Scrum Master\n"
      "\n"
      "Team Rituals:\n"
      "\n"
      "* Host the daily stand-up\n"
      "\n"
      "Coaching & Growth:&#x20;\n"
      "* Coach the team on agile values\n");
  EXPECT_EQ(areas_and_texts(model), (Texts{"Team Rituals | Host the daily stand-up",
                                           "Coaching & Growth | Coach the team on agile values"}));
}

TEST(MarkdownLoader, ReadsBoldLinesAsAreas) {
  Model model = load(
      "## Team Lead\n"
      "\n"
      "**People**\n"
      "\n"
      "* Run one-on-ones every fortnight\n"
      "\n"
      "**Delivery:**\n"
      "\n"
      "* Plan the sprint with the squad\n"
      "\n"
      "__Quality__:\n"
      "\n"
      "* Review pull requests daily\n");
  EXPECT_EQ(areas_and_texts(model),
            (Texts{"People | Run one-on-ones every fortnight", "Delivery | Plan the sprint with the squad",
                   "Quality | Review pull requests daily"}));
}

TEST(MarkdownLoader, ReadsDeeperHeadingsAsAreas) {
  Model model = load(
      "# Platform Team\n"
      "\n"
      "## Staff Engineer\n"
      "\n"
      "### Architecture\n"
      "\n"
      "* Shape the platform architecture\n"
      "\n"
      "### Mentoring:\n"
      "\n"
      "* Pair with junior engineers\n"
      "\n"
      "## Site Reliability Engineer\n"
      "\n"
      "* Keep the error budget healthy\n");
  EXPECT_EQ(areas_and_texts(model),
            (Texts{"Architecture | Shape the platform architecture", "Mentoring | Pair with junior engineers",
                   " | Keep the error budget healthy"}));
  EXPECT_EQ(role_ids(model), (Texts{"SE", "SRE"}));
}

TEST(MarkdownLoader, AreasEndAtTheNextRole) {
  Model model = load(
      "## Designer\n"
      "Research:\n"
      "* Run usability tests\n"
      "## Writer\n"
      "* Write the release notes\n");
  EXPECT_EQ(areas_and_texts(model), (Texts{"Research | Run usability tests", " | Write the release notes"}));
}

TEST(MarkdownLoader, ReadsProseEndingInAColonAsNoArea) {
  Model model = load(
      "## Designer\n"
      "\n"
      "In this role you will be expected to take care of the following things:\n"
      "\n"
      "* Run usability tests\n"
      "\n"
      "Research. Then more:\n"
      "\n"
      "* Sketch the flows\n");
  EXPECT_EQ(areas_and_texts(model), (Texts{" | Run usability tests", " | Sketch the flows"}));
}

TEST(MarkdownLoader, ReadsAParagraphNotEndingInAColonAsProse) {
  Model model = load(
      "## Designer\n"
      "\n"
      "Research\n"
      "\n"
      "* Run usability tests\n");
  EXPECT_EQ(areas_and_texts(model), (Texts{" | Run usability tests"}));
}

// ---- Nested and wrapped items ----------------------------------------------------------

TEST(MarkdownLoader, ReadsEachNestedItemAsADuty) {
  Model model = load(
      "## Release Manager\n"
      "\n"
      "* Plan the release train\n"
      "  * Book the release slots\n"
      "    1. Publish the calendar\n"
      "  * Freeze the code on time\n"
      "* Announce each release\n");
  EXPECT_EQ(texts(model), (Texts{"Plan the release train", "Book the release slots", "Publish the calendar",
                                 "Freeze the code on time", "Announce each release"}));
  std::vector<int> lines;
  for (const Duty& duty : model.duties) lines.push_back(duty.source.line);
  EXPECT_EQ(lines, (std::vector<int>{3, 4, 5, 6, 7}));
}

TEST(MarkdownLoader, ReadsAParentItemEndingInAColonAsTheAreaOfItsNestedList) {
  Model model = load(
      "## Release Manager\n"
      "\n"
      "Planning:\n"
      "\n"
      "* Plan the release train\n"
      "* Communication:\n"
      "  * Announce each release\n"
      "  * Write the changelog\n"
      "* Run the go/no-go meeting\n"
      "* Ends in a colon but has no nested list:\n");
  EXPECT_EQ(areas_and_texts(model),
            (Texts{"Planning | Plan the release train", "Planning | Run the go/no-go meeting",
                   "Planning | Ends in a colon but has no nested list:",
                   "Communication | Announce each release", "Communication | Write the changelog"}));
}

TEST(MarkdownLoader, ReadsListsNestedAMillionDeepWithoutRecursion) {
  std::string page = "## Release Manager\n\n";
  for (int i = 0; i < 1000000; ++i) page += "- ";
  page += "Publish the calendar\n- Announce each release\n";
  EXPECT_EQ(texts(load(page)), (Texts{"Publish the calendar", "Announce each release"}));
}

TEST(MarkdownLoader, ReadsInlineMarkupNestedAHundredThousandDeepWithoutRecursion) {
  std::string item;
  for (int i = 0; i < 100000; ++i) item += "![a ";
  item += "Publish";
  for (int i = 0; i < 100000; ++i) item += "](u)";
  Texts duties = texts(load("## Release Manager\n\n- " + item + "\n"));
  ASSERT_EQ(duties.size(), 1u);
  EXPECT_EQ(duties[0].size(), 200000u + std::string("Publish").size());
  EXPECT_TRUE(duties[0].starts_with("a a a ") && duties[0].ends_with(" a Publish"))
      << duties[0].substr(0, 20);
}

TEST(MarkdownLoader, JoinsWrappedItemsWithOneSpace) {
  Model model = load(
      "## Support Engineer\n"
      "\n"
      "* Answer tickets within\n"
      "  one working day\n"
      "* Keep the knowledge base\n"
      "up to date   \n"
      "   for all products\n"
      "* Escalate outages  \n"
      "to the on-call engineer\n"
      "* Close stale tickets\\\n"
      "every Friday\n"
      "* Tag tickets<br>by product\n");
  EXPECT_EQ(texts(model), (Texts{"Answer tickets within one working day",
                                 "Keep the knowledge base up to date for all products",
                                 "Escalate outages to the on-call engineer",
                                 "Close stale tickets every Friday", "Tag tickets by product"}));
  EXPECT_EQ(model.duties[1].source.line, 5);
}

TEST(MarkdownLoader, JoinsTheParagraphsOfALooseItem) {
  Model model = load(
      "## Support Engineer\n"
      "\n"
      "* Answer tickets\n"
      "\n"
      "  within one working day\n"
      "\n"
      "* Close stale tickets\n");
  EXPECT_EQ(texts(model), (Texts{"Answer tickets within one working day", "Close stale tickets"}));
}

// ---- Inline markup and entities --------------------------------------------------------

TEST(MarkdownLoader, FlattensInlineMarkup) {
  Model model = load(
      "## Backend Engineer\n"
      "\n"
      "* Design *robust* and **scalable** _services_\n"
      "* Keep `main` green with [CI](https://ci.example.com \"CI\")\n"
      "* Document APIs on <https://docs.example.com>\n"
      "* Review ~~some~~ <span class=\"x\">all</span> changes\n"
      "* Fix **bugs in *nested* markup**\n");
  EXPECT_EQ(texts(model), (Texts{"Design robust and scalable services", "Keep main green with CI",
                                 "Document APIs on https://docs.example.com", "Review ~~some~~ all changes",
                                 "Fix bugs in nested markup"}));
}

TEST(MarkdownLoader, FlattensMarkupInHeadingsAndAreas) {
  Model model = load(
      "# The *Platform* Team\n"
      "\n"
      "## **Staff** Engineer\n"
      "\n"
      "### [Architecture](arch.md)\n"
      "\n"
      "* Shape the platform\n");
  EXPECT_EQ(model.title, "The Platform Team");
  EXPECT_EQ(role_names(model), (Texts{"Staff Engineer"}));
  EXPECT_EQ(areas_and_texts(model), (Texts{"Architecture | Shape the platform"}));
}

TEST(MarkdownLoader, DecodesHtmlEntities) {
  Model model = load(
      "## Ops &amp; Security Lead\n"
      "\n"
      "* Patch servers &amp; containers&#x20;\n"
      "* Rotate&nbsp;secrets every&#160;quarter\n"
      "* Keep error rate &lt; 1&#37;\n");
  EXPECT_EQ(role_names(model), (Texts{"Ops & Security Lead"}));
  EXPECT_EQ(role_ids(model), (Texts{"OSL"}));
  EXPECT_EQ(texts(model),
            (Texts{"Patch servers & containers", "Rotate secrets every quarter", "Keep error rate < 1%"}));
}

TEST(MarkdownLoader, TrimsTrailingSpacesAndTabs) {
  Model model = load(
      "# Roles   \n"
      "\n"
      "## Agile Coach  \n"
      "\n"
      "Ceremonies:   \n"
      "\n"
      "* Coach the scrum masters   \n"
      "*   Run the   community of practice\t\n");
  EXPECT_EQ(model.title, "Roles");
  EXPECT_EQ(role_names(model), (Texts{"Agile Coach"}));
  EXPECT_EQ(areas_and_texts(model),
            (Texts{"Ceremonies | Coach the scrum masters", "Ceremonies | Run the community of practice"}));
}

TEST(MarkdownLoader, IgnoresCodeBlocksQuotesAndProse) {
  Model model = load(
      "## Tech Writer\n"
      "\n"
      "Writes the docs. Works with everyone.\n"
      "\n"
      "> * A quoted item\n"
      "\n"
      "```\n"
      "* A fenced item\n"
      "```\n"
      "\n"
      "---\n"
      "\n"
      "* Write the user guide\n");
  EXPECT_EQ(texts(model), (Texts{"Write the user guide"}));
}

// ---- Line ends and encodings -----------------------------------------------------------

TEST(MarkdownLoader, KeepsLineNumbersWithCrlfLineEnds) {
  Model model = load(
      "---\r\n"
      "title: Data Roles\r\n"
      "---\r\n"
      "\r\n"
      "## Data Engineer\r\n"
      "\r\n"
      "Pipelines:\r\n"
      "\r\n"
      "* Build the ingestion pipelines\r\n"
      "  for every source\r\n"
      "* Monitor data freshness\r\n");
  EXPECT_EQ(model.title, "Data Roles");
  EXPECT_EQ(model.roles[0].source.to_string(), "page.md:5:1");
  EXPECT_EQ(areas_and_texts(model), (Texts{"Pipelines | Build the ingestion pipelines for every source",
                                           "Pipelines | Monitor data freshness"}));
  EXPECT_EQ(model.duties[0].source.to_string(), "page.md:9");
  EXPECT_EQ(model.duties[1].source.to_string(), "page.md:11");
  for (const Duty& duty : model.duties) EXPECT_EQ(duty.text.find('\r'), std::string::npos);
}

TEST(MarkdownLoader, ReadsAPageWithAByteOrderMarkOnceDecoded) {
  std::vector<Finding> decoding;
  std::string text = decode_input_text(
      "\xEF\xBB\xBF---\ntitle: BOM Page\n---\n\n## Mobile Engineer\n\n* Ship the app monthly\n", "page.md",
      decoding);
  Model model = load(text);
  EXPECT_TRUE(decoding.empty());
  EXPECT_EQ(model.title, "BOM Page");
  EXPECT_EQ(role_ids(model), (Texts{"ME"}));
  EXPECT_EQ(model.duties[0].source.line, 7);
}

TEST(MarkdownLoader, RepairsMojibakeInHeadingsAreasAndItems) {
  Model model = load(
      "## Teamâ€™s Lead\n"
      "\n"
      "PeopleÃ¢â‚¬â„¢s Growth:\n"
      "\n"
      "* Grow the teamâ€™s skills\n"
      "* Run the cafÃ© chats at the cafÃ©\n");
  EXPECT_EQ(role_names(model), (Texts{"Team’s Lead"}));
  EXPECT_EQ(areas_and_texts(model), (Texts{"People’s Growth | Grow the team’s skills",
                                           "People’s Growth | Run the café chats at the café"}));
  EXPECT_EQ(
      findings(model),
      (Texts{"page.md:1 repaired-mojibake: repaired text decoded as Windows-1252: \"Teamâ€™s\" -> \"Team’s\"",
             "page.md:3 repaired-mojibake: repaired text decoded as Windows-1252: \"PeopleÃ¢â‚¬â„¢s\" -> "
             "\"People’s\"",
             "page.md:5 repaired-mojibake: repaired text decoded as Windows-1252: \"teamâ€™s\" -> \"team’s\"",
             "page.md:6 repaired-mojibake: repaired text decoded as Windows-1252: \"cafÃ© chats at the "
             "cafÃ©\" -> \"café chats at the café\""}));
}

TEST(MarkdownLoader, LeavesCorrectAccentsAlone) {
  Model model = load(
      "## Développeur Principal\n"
      "\n"
      "* Organiser les cafés techniques à Ålesund\n");
  EXPECT_EQ(texts(model), (Texts{"Organiser les cafés techniques à Ålesund"}));
  EXPECT_EQ(role_ids(model), (Texts{"DP"}));
  EXPECT_TRUE(model.findings.empty());
}

// ---- Run-together items ----------------------------------------------------------------

TEST(MarkdownLoader, SplitsTwoItemsRunTogether) {
  Model model = load(
      "## Engineering Director\n"
      "\n"
      "* Set the engineering strategy for the groupDrive the yearly budget\n"
      "* Hire the engineering managers\n");
  EXPECT_EQ(texts(model), (Texts{"Set the engineering strategy for the group", "Drive the yearly budget",
                                 "Hire the engineering managers"}));
  EXPECT_EQ(model.duties[0].source.line, 3);
  EXPECT_EQ(model.duties[1].source.line, 3);
  EXPECT_NE(model.duties[0].id, model.duties[1].id);
  EXPECT_EQ(findings(model),
            (Texts{"page.md:3 split-run-together: split 2 items run together: \"Set the engineering "
                   "strategy for the group\" and \"Drive the yearly budget\""}));
}

TEST(MarkdownLoader, SplitsBeforeAWordThatStartsAnotherItemOfThePage) {
  Model model = load(
      "## Support Lead\n"
      "\n"
      "* Keep the queue tidyShepherd incoming tickets\n"
      "* Shepherd security reports first\n");
  EXPECT_EQ(texts(model),
            (Texts{"Keep the queue tidy", "Shepherd incoming tickets", "Shepherd security reports first"}));
}

TEST(MarkdownLoader, KeepsProductNamesWhole) {
  Model model = load(
      "## Frontend Engineer\n"
      "\n"
      "* Build the web app in TypeScript and JavaScript\n"
      "* Track sentiment (OfficeVibe reviews) monthly\n"
      "* Publish demo videos on YouTube\n"
      "* Test the iPhone and iPad builds\n");
  EXPECT_EQ(model.duties.size(), 4u);
  EXPECT_TRUE(model.findings.empty());
}

// ---- Titles ----------------------------------------------------------------------------

TEST(MarkdownLoader, TakesTheTitleFromTheHeadingWithoutFrontMatter) {
  Model model = load(
      "# Mobile Squad\n"
      "\n"
      "## iOS Engineer\n"
      "\n"
      "* Ship the iOS app\n");
  EXPECT_EQ(model.title, "Mobile Squad");
  EXPECT_EQ(model.description, "");
  EXPECT_EQ(role_names(model), (Texts{"iOS Engineer"}));
  EXPECT_EQ(role_ids(model), (Texts{"IE"}));
}

TEST(MarkdownLoader, PrefersTheFrontMatterTitleToTheHeading) {
  Model model = load(
      "---\n"
      "title: From the front matter\n"
      "description: >-\n"
      "  Folded   over\n"
      "  two lines\n"
      "layout: page\n"
      "---\n"
      "# From the heading\n"
      "## Android Engineer\n"
      "* Ship the Android app\n");
  EXPECT_EQ(model.title, "From the front matter");
  EXPECT_EQ(model.description, "Folded over two lines");
  EXPECT_EQ(model.duties[0].source.line, 10);
}

TEST(MarkdownLoader, TakesTheTitleFromTheFileStemWithoutATitleHeading) {
  Model model = load_markdown(
      "## Android Engineer\n"
      "* Ship the Android app\n",
      "docs/mobile-roles.md");
  EXPECT_EQ(model.title, "mobile-roles");
  EXPECT_EQ(model.source_file, "docs/mobile-roles.md");
  EXPECT_EQ(model.duties[0].source.to_string(), "docs/mobile-roles.md:2");
}

TEST(MarkdownLoader, ReadsTopLevelHeadingsAsRolesWithoutATitle) {
  Model model = load(
      "# Solutions Architect\n"
      "\n"
      "## Pre-sales\n"
      "\n"
      "* Design proposals for prospects\n"
      "\n"
      "# Customer Success Manager\n"
      "\n"
      "* Run the quarterly business reviews\n");
  EXPECT_EQ(model.title, "page");
  EXPECT_EQ(role_names(model), (Texts{"Solutions Architect", "Customer Success Manager"}));
  EXPECT_EQ(role_ids(model), (Texts{"SA", "CSM"}));
  EXPECT_EQ(areas_and_texts(model),
            (Texts{"Pre-sales | Design proposals for prospects", " | Run the quarterly business reviews"}));
}

TEST(MarkdownLoader, ReadsASingleTopLevelHeadingWithListsAsARole) {
  Model model = load(
      "# Solutions Architect\n"
      "\n"
      "* Design proposals for prospects\n");
  EXPECT_EQ(model.title, "page");
  EXPECT_EQ(role_names(model), (Texts{"Solutions Architect"}));
}

TEST(MarkdownLoader, ReadsThreeRoles) {
  Model model = load(
      "# Growth Squad\n"
      "\n"
      "## Growth Product Manager\n"
      "* Pick the growth bets\n"
      "## Growth Engineer\n"
      "* Run the A/B tests\n"
      "* Instrument the funnel\n"
      "## Growth Marketer\n"
      "* Write the campaign copy\n");
  EXPECT_EQ(role_ids(model), (Texts{"GPM", "GE", "GM"}));
  EXPECT_EQ(texts(model, "GPM"), (Texts{"Pick the growth bets"}));
  EXPECT_EQ(texts(model, "GE"), (Texts{"Run the A/B tests", "Instrument the funnel"}));
  EXPECT_EQ(texts(model, "GM"), (Texts{"Write the campaign copy"}));
  EXPECT_EQ(model.duties[2].role, 1u);
}

// ---- Role ids --------------------------------------------------------------------------

TEST(MarkdownLoader, TakesTheRoleIdFromTheHeading) {
  Model model = load(
      "## Engineering Manager {#EMGR}\n"
      "* Run the hiring loop\n"
      "## Technical Leader   {#tech_lead-1}\n"
      "* Own the architecture\n");
  EXPECT_EQ(role_ids(model), (Texts{"EMGR", "tech_lead-1"}));
  EXPECT_EQ(role_names(model), (Texts{"Engineering Manager", "Technical Leader"}));
  EXPECT_EQ(model.duties[0].id, "emgr-run-hiring-loop");
}

TEST(MarkdownLoader, TakesRoleIdsFromTheFrontMatter) {
  Model model = load(
      "---\n"
      "role_ids:\n"
      "  Engineering Manager: EMGR\n"
      "  Technical  Leader: TLEAD\n"
      "---\n"
      "## Engineering Manager\n"
      "* Run the hiring loop\n"
      "## Technical Leader {#TECH}\n"
      "* Own the architecture\n"
      "## Product Manager\n"
      "* Own the roadmap\n");
  EXPECT_EQ(role_ids(model), (Texts{"EMGR", "TECH", "PM"}));
}

TEST(MarkdownLoader, MakesDefaultRoleIdsUnique) {
  Model model = load(
      "## Product Manager\n"
      "* Own the roadmap\n"
      "## Project Manager\n"
      "* Own the plan\n"
      "## Program Manager\n"
      "* Own the program\n");
  EXPECT_EQ(role_ids(model), (Texts{"PM", "PM2", "PM3"}));
  EXPECT_EQ(model.duties[1].id, "pm2-own-plan");
}

TEST(MarkdownLoader, GivesThePagesOwnRoleIdPrecedenceOverInitials) {
  Model later = load(
      "## Product Manager\n"
      "* Own the roadmap\n"
      "## Program Manager {#PM}\n"
      "* Own the program\n");
  EXPECT_EQ(role_ids(later), (Texts{"PM2", "PM"}));
  Model earlier = load(
      "## Program Manager {#PM}\n"
      "* Own the program\n"
      "## Product Manager\n"
      "* Own the roadmap\n");
  EXPECT_EQ(role_ids(earlier), (Texts{"PM", "PM2"}));
}

TEST(MarkdownLoader, RejectsAnInvalidRoleIdInTheHeading) {
  EXPECT_EQ(
      load_error("# Roles\n\n## Product Manager {#1PM}\n* Own the roadmap\n"),
      "page.md:3:1: invalid role id \"1PM\": expected a letter, then up to 15 letters, digits, '_' or '-'");
  EXPECT_EQ(
      load_error("## Product Manager {#}\n* Own the roadmap\n"),
      "page.md:1:1: invalid role id \"\": expected a letter, then up to 15 letters, digits, '_' or '-'");
}

TEST(MarkdownLoader, RejectsAnInvalidRoleIdInTheFrontMatter) {
  EXPECT_EQ(
      load_error("---\n"
                 "role_ids:\n"
                 "  Product Manager: P M\n"
                 "---\n"
                 "## Product Manager\n"
                 "* Own the roadmap\n"),
      "page.md:3:20: invalid role id \"P M\": expected a letter, then up to 15 letters, digits, '_' or '-'");
}

TEST(MarkdownLoader, RejectsARoleIdGivenTwice) {
  EXPECT_EQ(load_error("## Product Manager {#PM}\n"
                       "* Own the roadmap\n"
                       "## Project Manager {#PM}\n"
                       "* Own the plan\n"),
            "page.md:3:1: duplicate role id \"PM\"");
  EXPECT_EQ(load_error("---\n"
                       "role_ids: {Project Manager: PM}\n"
                       "---\n"
                       "## Product Manager {#PM}\n"
                       "* Own the roadmap\n"
                       "## Project Manager\n"
                       "* Own the plan\n"),
            "page.md:2:29: duplicate role id \"PM\"");
}

TEST(MarkdownLoader, RejectsARoleHeadingWithoutName) {
  EXPECT_EQ(load_error("## {#PM}\n* Own the roadmap\n"), "page.md:1:1: role heading has no name");
}

// ---- Errors and findings ---------------------------------------------------------------

TEST(MarkdownLoader, RejectsADuplicateRoleName) {
  EXPECT_EQ(load_error("# Roles\n"
                       "\n"
                       "## Account Executive\n"
                       "* Close deals\n"
                       "## Sales Engineer\n"
                       "* Run demos\n"
                       "## Account  Executive\n"
                       "* Forecast the quarter\n"),
            "page.md:7:1: duplicate role \"Account Executive\" (first at line 3)");
}

TEST(MarkdownLoader, RejectsAPageWithoutRoleHeading) {
  const std::string message =
      "page.md:1: no roles found: expected one heading per role, such as \"## Engineering Manager\"";
  EXPECT_EQ(load_error("Our roles:\n\n* Close deals\n* Run demos\n"), message);
  EXPECT_EQ(load_error(""), message);
  EXPECT_EQ(load_error("---\ntitle: Only front matter\n---\n"), message);
}

TEST(MarkdownLoader, RejectsAPageWithRolesButNoListItems) {
  EXPECT_EQ(load_error("# Roles\n"
                       "\n"
                       "## Account Executive\n"
                       "\n"
                       "Closes deals.\n"
                       "\n"
                       "## Sales Engineer\n"),
            "page.md:3:1: no duties found: expected list items under the role headings");
}

TEST(MarkdownLoader, WarnsAboutAListBeforeTheFirstRoleHeading) {
  Model model = load(
      "# Sales Roles\n"
      "\n"
      "* An item outside any role\n"
      "\n"
      "## Account Executive\n"
      "\n"
      "* Close deals\n");
  EXPECT_EQ(texts(model), (Texts{"Close deals"}));
  EXPECT_EQ(findings(model),
            (Texts{"page.md:3 list-outside-role: list before the first role heading is ignored"}));
  EXPECT_EQ(model.findings[0].severity, Severity::kWarning);
}

TEST(MarkdownLoader, WarnsAboutAnEmptyListItem) {
  Model model = load(
      "## Account Executive\n"
      "\n"
      "* Close deals\n"
      "*\n"
      "* Forecast the quarter\n"
      "-   \n");
  EXPECT_EQ(texts(model), (Texts{"Close deals", "Forecast the quarter"}));
  EXPECT_EQ(findings(model), (Texts{"page.md:4 empty-item: empty list item ignored",
                                    "page.md:6 empty-item: empty list item ignored"}));
}

TEST(MarkdownLoader, DropsTheBoxOfTaskListItems) {
  Model model = load(
      "## Site Reliability Engineer\n"
      "\n"
      "- [ ] Tune the alerting thresholds\n"
      "- [x] Write the incident runbooks\n"
      "- [link] stays as written\n");
  EXPECT_EQ(texts(model), (Texts{"Tune the alerting thresholds", "Write the incident runbooks",
                                 "[link] stays as written"}));
}

TEST(MarkdownLoader, ReadsABoldSentenceAsProseNotAnArea) {
  Model model = load(
      "## Site Reliability Engineer\n"
      "\n"
      "**Operations**\n"
      "\n"
      "- Tune the alerting thresholds\n"
      "\n"
      "**Note: reviewed every year.**\n"
      "\n"
      "- Write the incident runbooks\n");
  ASSERT_EQ(model.duties.size(), 2u);
  EXPECT_EQ(model.duties[0].area, "Operations");
  EXPECT_EQ(model.duties[1].area, "Operations");
}

TEST(MarkdownLoader, WarnsAboutARoleWithoutDuties) {
  Model model = load(
      "## Account Executive\n"
      "* Close deals\n"
      "## Sales Engineer\n"
      "Joins later.\n");
  EXPECT_EQ(role_ids(model), (Texts{"AE", "SE"}));
  EXPECT_EQ(findings(model),
            (Texts{"page.md:3:1 role-without-duties: role SE (Sales Engineer) lists no duty"}));
}

TEST(MarkdownLoader, IgnoresFrontMatterThatIsNotYamlWithAWarning) {
  Model model = load(
      "---\n"
      "title: [unclosed\n"
      "---\n"
      "# Sales Roles\n"
      "## Account Executive\n"
      "* Close deals\n");
  EXPECT_EQ(model.title, "Sales Roles");
  ASSERT_EQ(model.findings.size(), 1u);
  EXPECT_EQ(model.findings[0].code, "front-matter-ignored");
  EXPECT_EQ(model.findings[0].severity, Severity::kWarning);
  EXPECT_TRUE(model.findings[0].message.starts_with("front matter is not valid YAML ("));
  EXPECT_TRUE(model.findings[0].message.ends_with("); ignored"));
  EXPECT_EQ(model.duties[0].source.line, 6);
}

TEST(MarkdownLoader, IgnoresUnknownFrontMatterKeys) {
  Model model = load(
      "---\n"
      "layout: docs\n"
      "tags: [roles, sales]\n"
      "title: Sales\n"
      "---\n"
      "## Account Executive\n"
      "* Close deals\n");
  EXPECT_EQ(model.title, "Sales");
  EXPECT_TRUE(model.findings.empty());
}

TEST(MarkdownLoader, ReadsAnOpeningFenceWithoutClosingOneAsMarkdown) {
  Model model = load(
      "---\n"
      "## Account Executive\n"
      "* Close deals\n");
  EXPECT_EQ(role_names(model), (Texts{"Account Executive"}));
  EXPECT_EQ(model.duties[0].source.line, 3);
}

}  // namespace
}  // namespace raci
