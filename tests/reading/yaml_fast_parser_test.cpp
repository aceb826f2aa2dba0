#include "reading/yaml_fast_parser.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/source_location.h"
#include "reading/yaml_support.h"

namespace raci::yaml {
namespace {

constexpr const char* kDeclined = "declined";

// "" when the fast parser reads `text` into exactly the tree yaml-cpp gives (kinds, text,
// marks, order), kDeclined when it leaves the text to yaml-cpp, else the difference.
std::string compare_with_yaml_cpp(std::string_view text) {
  std::optional<Document> fast = try_fast_parse(text);
  if (!fast) return kDeclined;
  try {
    Document slow = parse_with_yaml_cpp(text, "t.yaml");
    return first_difference(fast->root(), slow.root());
  } catch (const InputError& e) {
    return "the fast parser accepts what yaml-cpp rejects: " + e.describe();
  }
}

// The text shown in a failure: line ends visible.
std::string shown(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A catalogue the way people and `raci convert` write them, `roles` x `areas` x `duties`.
std::string catalogue(int roles, int areas, int duties, std::string_view line_end = "\n") {
  std::string out;
  auto line = [&](const std::string& text) {
    out += text;
    out += line_end;
  };
  line("# A synthetic catalogue: C# and 1:1s, \"quotes\" and 'apostrophes'");
  line("title: Synthetic catalogue - roles & duties, 1:1s");
  line("description: \"Who does what, \\\"exactly\\\" \\u00e9\"");
  line("");
  line("thresholds:");
  line("  related: 0.35   # a comment after a value");
  line("  duplicate: 0.8");
  line("roles:");
  for (int r = 0; r < roles; ++r) {
    std::string id = "R" + std::to_string(r);
    line("  - id: " + id);
    line("    name: 'Role ''" + std::to_string(r) + "'''");
    if (r % 3 == 2) {
      line("    duties:");
      line("    - Plain duty of " + id + ", with a comma");
      line("    -   \"Indentless list item\"");
      continue;
    }
    line("    areas:");
    for (int a = 0; a < areas; ++a) {
      line("      - name: Area " + std::to_string(a) + (a % 2 ? "  # odd" : ""));
      line("        duties:");
      for (int d = 0; d < duties; ++d) {
        std::string n = std::to_string(r) + "." + std::to_string(a) + "." + std::to_string(d);
        switch (d % 6) {
          case 0: line("          - \"Review the budget " + n + " with finance\""); break;
          case 1: line("          - Publish plan " + n + ": before each release"); break;
          case 2: line("          - 'Own the ''" + n + "'' roadmap'"); break;
          case 3:
            line("          - text: \"Long duty " + n + " \\\"quoted\\\" \\\\ back\"");
            line("            id: d-" + n);
            line("            raci:");
            line("              " + id + ": RA");
            line("              R0: C");
            break;
          case 4:
            line("");
            line("          # a comment between duties");
            line("          - \"Caf\\u00e9 \\t tab " + n + "\"  ");
            break;
          default: line("          -   Coach   people " + n + "   "); break;
        }
      }
    }
  }
  line("decisions:");
  line("  - duties:");
  line("    - a");
  line("    - b");
  line("    separate: true");
  return out;
}

TEST(YamlFastParser, ReadsEveryYamlFileOfTheRepositoryAsYamlCppDoes) {
  const std::filesystem::path root = std::filesystem::path(RACI_TEST_DATA).parent_path().parent_path();
  int files = 0;
  int accepted = 0;
  for (const char* folder : {"tests/data", "matrices", "src/data"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
      if (entry.path().extension() != ".yaml") continue;
      ++files;
      std::string result = compare_with_yaml_cpp(read_file(entry.path()));
      if (result != kDeclined) {
        ++accepted;
        EXPECT_EQ(result, "") << entry.path();
      }
    }
  }
  EXPECT_GT(files, 50);
  EXPECT_GT(accepted, 20);
}

TEST(YamlFastParser, ReadsAGeneratedCatalogueAsYamlCppDoes) {
  EXPECT_EQ(compare_with_yaml_cpp(catalogue(7, 3, 12)), "");
  EXPECT_EQ(compare_with_yaml_cpp(catalogue(4, 2, 6, "\r\n")), "");
  std::string no_final_line_end = catalogue(2, 2, 3);
  no_final_line_end.pop_back();
  EXPECT_EQ(compare_with_yaml_cpp(no_final_line_end), "");
}

TEST(YamlFastParser, TakesTheFastPathForCatalogues) {
  EXPECT_TRUE(try_fast_parse(catalogue(20, 4, 10)));
  const std::filesystem::path root = std::filesystem::path(RACI_TEST_DATA).parent_path().parent_path();
  EXPECT_TRUE(try_fast_parse(read_file(root / "matrices/lead-roles.yaml")));
}

TEST(YamlFastParser, DeclinesWhatItLeavesToYamlCpp) {
  const char* const kOthers[] = {
      "a: &x 1\nb: *x\n",        // anchor, alias
      "a: !tag 1\n",             // tag
      "a: [1, 2]\n",             // flow list
      "a: {b: 1}\n",             // flow mapping
      "- [x]\n",                 //
      "a: |\n  text\n",          // block scalars
      "a: >\n  text\n",          //
      "a: two\n  lines\n",       // text over several lines
      "a: \"two\n  lines\"\n",   //
      "a: 'open\n",              //
      "%YAML 1.2\n---\na: 1\n",  // directive, markers
      "---\na: 1\n",             //
      "a: 1\n...\n",             //
      "a:\n\tb: 1\n",            // tab in the indentation
      "a: b\tc\n",               // any tab
      "a: b\x01\n",              // control characters
      "\xEF\xBB\xBF"
      "a: 1\n",                 // byte order mark
      "a: 1\rb: 2\n",           // a lone CR
      "a:\n  b: 1\n c: 2\n",    // odd indentation
      "a: 1\n  b: 2\n",         // more indented without a key before
      "  a: 1\nb: 2\n",         // content after the top mapping
      "- - x\n",                // a list in a list on one line
      "a: b: c\n",              // a mapping as a value on the same line
      "? a\n: b\n",             // explicit key
      "a: - b\n",               // list after a key on the same line
      "a: @b\n",                // reserved indicators
      "a: `b\n",                //
      "a: ,b\n",                //
      "a: %b\n",                //
      "a: \"b\" c\n",           // text after the closing quote
      "a: \"b\"# c\n",          // a comment glued to the quote
      "a: \"\\q\"\n",           // unknown escape
      "a: \"\\uD800\"\n",       // surrogate
      "a: \"b\\\n c\"\n",       // escaped line break
      "plain text\n",           // a document that is text
      "a #b: 1\n",              // no key before the comment
      "a:#b\n",                 // `:` glued to text is no key
      "- a\n- b\nc: 1\n",       // a mapping after the top list
      "a:\n- b\n- c\n  - d\n",  // text continued by a deeper line
  };
  for (const char* text : kOthers) EXPECT_FALSE(try_fast_parse(text)) << shown(text);
  EXPECT_FALSE(try_fast_parse(std::string(1100, 'k') + ": v\n")) << "a key past yaml-cpp's 1024 bytes";
  std::string deep;
  for (int level = 0; level <= kMaxYamlDepth; ++level) deep += std::string(level * 2, ' ') + "a:\n";
  EXPECT_FALSE(try_fast_parse(deep)) << "nested deeper than kMaxYamlDepth";
  std::string shallow;
  for (int level = 0; level < kMaxYamlDepth; ++level) shallow += std::string(level * 2, ' ') + "a:\n";
  EXPECT_TRUE(try_fast_parse(shallow));
  EXPECT_EQ(compare_with_yaml_cpp(shallow), "");
}

TEST(YamlFastParser, MarksAnEmptyValueAtTheTokenAfterIt) {
  std::optional<Document> document = try_fast_parse("a:\n  # c\n\nb:\n- \n- x\nc:");
  ASSERT_TRUE(document);
  Node root = document->root();
  EXPECT_EQ(root.entry(0).value.mark(), (Mark{10, 3, 0}));  // at `b`
  EXPECT_EQ(root.entry(1).value.item(0).mark(), (Mark{16, 5, 0}));
  EXPECT_EQ(root.entry(2).value.mark(), (Mark{22, 6, 0}));  // the end, at the line start
  EXPECT_EQ(compare_with_yaml_cpp("a:\n  # c\n\nb:\n- \n- x\nc:"), "");
}

TEST(YamlFastParser, ReadsNullSpellingsAsNullAndQuotedOnesAsText) {
  std::optional<Document> document = try_fast_parse("a: ~\nb: null\nc: 'null'\nd: \"\"\n");
  ASSERT_TRUE(document);
  Node root = document->root();
  EXPECT_TRUE(root.entry(0).value.is_null());
  EXPECT_TRUE(root.entry(1).value.is_null());
  EXPECT_EQ(root.entry(2).value.scalar(), "null");
  EXPECT_TRUE(root.entry(3).value.is_scalar());
}

TEST(YamlFastParser, ReadsAnEmptyDocumentAsYamlCppDoes) {
  for (const char* text : {"", "\n\n", "# only a comment\n", "   \n"}) {
    EXPECT_EQ(compare_with_yaml_cpp(text), "") << shown(text);
  }
}

// Random small documents, most of them close to what the fast parser reads and some with
// something it leaves to yaml-cpp (or an error), reproducible from a fixed seed.
class RandomYaml {
 public:
  explicit RandomYaml(std::uint32_t seed) : random_(seed) {}

  std::string document() {
    lines_.clear();
    int shape = pick(20);
    if (shape == 0) {
      lines_.push_back(scalar());
    } else if (shape == 1) {
      lines_.push_back("# nothing");
    } else {
      block(pick(6) == 0 ? 1 + pick(3) : 0, 0, pick(2) == 0);
    }
    perturb();
    std::string line_end = pick(6) == 0 ? "\r\n" : "\n";
    std::string out;
    for (const std::string& line : lines_) out += line + line_end;
    if (pick(5) == 0 && !out.empty()) out.resize(out.size() - line_end.size());
    if (pick(6) == 0) mutate(out);
    return out;
  }

 private:
  int pick(int n) { return static_cast<int>(random_() % static_cast<std::uint32_t>(n)); }

  template <std::size_t N>
  std::string one_of(const char* const (&choices)[N]) {
    return choices[pick(static_cast<int>(N))];
  }

  // Mostly text the fast parser reads, now and then something it leaves to yaml-cpp.
  std::string scalar() {
    static const char* const kUsual[] = {"word",
                                         "two words",
                                         "x:y",
                                         "C#",
                                         "a # comment",
                                         "1.5",
                                         "-3",
                                         "~",
                                         "null",
                                         "Null",
                                         "NULL",
                                         "true",
                                         "a, b",
                                         "a [b] {c}",
                                         "trailing   ",
                                         "caf\xC3\xA9 \xE2\x80\xA8",
                                         "-x",
                                         "?x",
                                         ":x",
                                         "#not text",
                                         "x --- y",
                                         "\"\"",
                                         "\"a b\"",
                                         "\"a: b # c\"",
                                         "\"a\" # c",
                                         "\"#x\"",
                                         "''",
                                         "'it''s'",
                                         "'a \\ b'",
                                         "'a'  # c",
                                         "\"a\\tb\"",
                                         "'a'''",
                                         "\"esc \\\" \\\\ \\n \\t \\/ \\0 \\x41 \\u00e9 \\U0001F600 \\N \\_ "
                                         "\\L \\P \\e \\a \\b \\v \\f \\r \\ .\""};
    static const char* const kOdd[] = {"a: b",
                                       "a:",
                                       "%x",
                                       "@x",
                                       "`x",
                                       "[x]",
                                       "{x: y}",
                                       "&a x",
                                       "*a",
                                       "!t x",
                                       "|",
                                       ">",
                                       "- x",
                                       "? x",
                                       ": x",
                                       "--- x",
                                       "...",
                                       "\"bad \\q\"",
                                       "\"bad \\xZZ\"",
                                       "\"\\uD800\"",
                                       "\"\\U00110000\"",
                                       "\"\\x4\"",
                                       "\"unclosed",
                                       "\"a\" tail",
                                       "\"a\"#c",
                                       "\"ends \\\"",
                                       "'unclosed",
                                       "'a' tail",
                                       "x\ty",
                                       "'''"};
    return pick(8) == 0 ? one_of(kOdd) : one_of(kUsual);
  }

  std::string key() {
    static const char* const kUsual[] = {
        "id",        "name", "a b",    "x-y",   "-k",   "k:k", "~",           "null",   "\"q k\"", "'s k'",
        "\"a\\tb\"", "k ",   "\"k\" ", "'k'  ", "\"\"", "1",   "caf\xC3\xA9", "duties", "text",    "raci"};
    static const char* const kOdd[] = {"? k", "&a k", "[k]", "k #c", "%k", "k\tk", "{k}", "!k"};
    if (pick(200) == 0) return std::string(1030, 'k');
    return pick(10) == 0 ? one_of(kOdd) : one_of(kUsual);
  }

  std::string comment() { return pick(2) ? "  # c" : " #"; }

  // A block collection at `indent`, its lines appended to lines_.
  void block(int indent, int depth, bool mapping) {
    std::string pad(static_cast<std::size_t>(indent), ' ');
    int count = 1 + pick(3);
    for (int i = 0; i < count; ++i) {
      if (mapping) {
        entry(pad + key() + ":", indent, depth);
      } else {
        item(pad, indent, depth);
      }
    }
  }

  // `head` is `key:` or `-`; what follows it.
  void entry(const std::string& head, int indent, int depth) {
    int what = pick(10);
    if (what < 5 || depth >= 4) {
      lines_.push_back(head + " " + scalar() + (pick(5) == 0 ? comment() : ""));
    } else if (what < 7) {
      lines_.push_back(head + (pick(3) == 0 ? comment() : ""));
    } else {
      lines_.push_back(head + (pick(4) == 0 ? comment() : ""));
      static const int kSteps[] = {2, 2, 4, 1, 0};
      int step = kSteps[pick(5)];
      bool mapping = pick(2) == 0;
      block(indent + step, depth + 1, mapping);
    }
  }

  void item(const std::string& pad, int indent, int depth) {
    int what = pick(10);
    if (what < 3 || depth >= 4) {
      entry(pad + "-", indent, depth);
    } else if (what < 7) {
      // `- key: value` and the rest of the mapping under the key.
      std::string gap(static_cast<std::size_t>(1 + (pick(4) == 0 ? pick(3) : 0)), ' ');
      int map_indent = indent + 1 + static_cast<int>(gap.size());
      entry(pad + "-" + gap + key() + ":", map_indent, depth + 1);
      int more = pick(3);
      for (int i = 0; i < more; ++i) {
        entry(std::string(static_cast<std::size_t>(map_indent), ' ') + key() + ":", map_indent, depth + 1);
      }
    } else if (what < 9) {
      lines_.push_back(pad + "-");
      block(indent + 2, depth + 1, pick(2) == 0);
    } else {
      lines_.push_back(pad + "- - " + scalar());
    }
  }

  // Comments, blank lines, markers, tabs and indentation shifts here and there.
  void perturb() {
    int changes = pick(3);
    for (int c = 0; c < changes; ++c) {
      std::size_t at = static_cast<std::size_t>(pick(static_cast<int>(lines_.size()) + 1));
      switch (pick(10)) {
        case 0: lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(at), ""); break;
        case 1: lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(at), "   "); break;
        case 2:
          lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(at),
                        std::string(static_cast<std::size_t>(pick(6)), ' ') + "# comment");
          break;
        case 3:
          lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(at), pick(2) ? "---" : "...");
          break;
        case 4:
          if (at < lines_.size()) lines_[at] = " " + lines_[at];
          break;
        case 5:
          if (at < lines_.size() && lines_[at].starts_with(" ")) lines_[at].erase(0, 1);
          break;
        case 6:
          if (at < lines_.size()) lines_[at] += "  ";
          break;
        case 7:
          if (at < lines_.size()) lines_[at] = "\t" + lines_[at];
          break;
        default: break;
      }
    }
  }

  // One byte inserted or removed: mostly errors, which the fast parser must leave alone.
  void mutate(std::string& text) {
    static const char kBytes[] = " -:#'\"\n\t[{&*!|>?\\";
    std::size_t at = static_cast<std::size_t>(pick(static_cast<int>(text.size()) + 1));
    if (pick(2) == 0 && at < text.size()) {
      text.erase(at, 1);
    } else {
      text.insert(at, 1, kBytes[pick(static_cast<int>(sizeof(kBytes) - 1))]);
    }
  }

  std::mt19937 random_;
  std::vector<std::string> lines_;
};

TEST(YamlFastParser, ReadsRandomDocumentsAsYamlCppDoesOrDeclines) {
  RandomYaml random(20240611);
  int accepted = 0;
  int declined = 0;
  int failures = 0;
  for (int i = 0; i < 4000 && failures < 5; ++i) {
    std::string text = random.document();
    std::string result = compare_with_yaml_cpp(text);
    if (result == kDeclined) {
      ++declined;
    } else {
      ++accepted;
      if (!result.empty()) {
        ++failures;
        ADD_FAILURE() << "document " << i << ":\n" << shown(text) << "\n" << result;
      }
    }
  }
  // Both sides of the fast parser's border are exercised.
  EXPECT_GT(accepted, 1000);
  EXPECT_GT(declined, 1000);
}

TEST(YamlFastParser, ParseGivesTheSameTreeOnBothPaths) {
  std::string text = catalogue(3, 2, 4);
  ASSERT_TRUE(try_fast_parse(text));
  EXPECT_EQ(first_difference(parse(text, "c.yaml").root(), parse_with_yaml_cpp(text, "c.yaml").root()), "");
}

TEST(YamlLoad, KeepsANodeThatAliasesNameOnceEvenWhenItHoldsItself) {
  Document shared = load("a: &x [1, 2]\nb: *x\n");
  EXPECT_TRUE(shared.root().entry(0).value.same_as(shared.root().entry(1).value));
  Document cycle = load("a: &x\n  - b\n  - *x\n");
  Node list = cycle.root().entry(0).value;
  EXPECT_TRUE(list.item(1).same_as(list));
}

}  // namespace
}  // namespace raci::yaml
