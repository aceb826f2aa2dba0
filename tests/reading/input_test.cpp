#include "reading/input.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace raci {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system's temporary folder, removed after each test.
class Input : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ =
        fs::temp_directory_path() /
        ("raci-input-test-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
         "-" + std::to_string(random()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Writes bytes to a file in the folder and returns its path.
  std::string write(const std::string& name, const std::string& bytes) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

// "file:line:col: message" of the InputError that `call` throws, "" when it throws none.
template <typename Call>
std::string error_of(Call call) {
  try {
    call();
  } catch (const InputError& e) {
    return e.describe();
  }
  return "";
}

TEST_F(Input, KindOfMarkdownByExtension) {
  EXPECT_EQ(input_kind("lead-roles.md"), InputKind::kMarkdown);
  EXPECT_EQ(input_kind("docs/lead-roles.markdown"), InputKind::kMarkdown);
}

TEST_F(Input, KindOfYamlByExtension) {
  EXPECT_EQ(input_kind("matrices/lead-roles.yaml"), InputKind::kYaml);
  EXPECT_EQ(input_kind("lead-roles.yml"), InputKind::kYaml);
}

TEST_F(Input, KindIgnoresTheCaseOfTheExtension) {
  EXPECT_EQ(input_kind("ROLES.MD"), InputKind::kMarkdown);
  EXPECT_EQ(input_kind("Roles.MarkDown"), InputKind::kMarkdown);
  EXPECT_EQ(input_kind("roles.YAML"), InputKind::kYaml);
  EXPECT_EQ(input_kind("roles.Yml"), InputKind::kYaml);
}

TEST_F(Input, KindOfAnotherExtensionIsAnError) {
  EXPECT_EQ(error_of([] { input_kind("notes.txt"); }),
            "notes.txt: unsupported input type \".txt\": expected a role page (.md, .markdown) or a YAML "
            "matrix (.yaml, .yml)");
  EXPECT_EQ(error_of([] { input_kind("roles.md.bak"); }),
            "roles.md.bak: unsupported input type \".bak\": expected a role page (.md, .markdown) or a YAML "
            "matrix (.yaml, .yml)");
}

TEST_F(Input, KindWithoutExtensionIsAnError) {
  EXPECT_EQ(error_of([] { input_kind("README"); }),
            "README: unsupported input type \"(no extension)\": expected a role page (.md, .markdown) or a "
            "YAML matrix (.yaml, .yml)");
}

TEST_F(Input, ReadsTheBytesOfAFileUnchanged) {
  std::string bytes = "\xEF\xBB\xBF## Role\r\n\r\n* Caf\xE9\r\n";
  EXPECT_EQ(read_input_file(write("page.md", bytes)), bytes);
  EXPECT_EQ(read_input_file(write("empty.md", "")), "");
}

TEST_F(Input, ReadingAMissingFileIsAnError) {
  std::string missing = path("missing.md");
  EXPECT_EQ(error_of([&] { read_input_file(missing); }), missing + ": no such file");
}

TEST_F(Input, ReadingAFolderIsAnError) {
  std::string folder = dir_.string();
  EXPECT_EQ(error_of([&] { read_input_file(folder); }), folder + ": is a directory, expected a file");
}

TEST_F(Input, ReadingABinaryFileIsAnErrorNamingTheLine) {
  std::string file = write("image.md", std::string("## Role\n* duty\n\x89PNG\0\x01", 20));
  EXPECT_EQ(error_of([&] { read_input_file(file); }), file + ":3: binary file: holds a NUL byte");
}

TEST_F(Input, DecodeLeavesUtf8Alone) {
  std::vector<Finding> findings;
  EXPECT_EQ(decode_input_text("## Rôle\n* Run the café “meetups”\n", "page.md", findings),
            "## Rôle\n* Run the café “meetups”\n");
  EXPECT_TRUE(findings.empty());
}

TEST_F(Input, DecodeDropsAByteOrderMark) {
  std::vector<Finding> findings;
  EXPECT_EQ(decode_input_text("\xEF\xBB\xBF---\ntitle: T\n---\n", "page.md", findings),
            "---\ntitle: T\n---\n");
  EXPECT_TRUE(findings.empty());
  EXPECT_EQ(decode_input_text("\xEF\xBB\xBF", "page.md", findings), "");
}

TEST_F(Input, DecodeKeepsAByteOrderMarkInsideTheText) {
  std::vector<Finding> findings;
  EXPECT_EQ(decode_input_text("a\xEF\xBB\xBF", "page.md", findings), "a\xEF\xBB\xBF");
}

TEST_F(Input, DecodeReadsWindows1252BytesAndNamesTheLine) {
  std::vector<Finding> findings;
  EXPECT_EQ(decode_input_text("## Role\n\n* Run the caf\xE9 meetups\n", "page.md", findings),
            "## Role\n\n* Run the café meetups\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::kWarning);
  EXPECT_EQ(findings[0].code, "repaired-encoding");
  EXPECT_EQ(findings[0].location.to_string(), "page.md:3");
  EXPECT_EQ(findings[0].message, "byte 0xE9 is not UTF-8; read as Windows-1252");
}

TEST_F(Input, DecodeReportsEachRepairedLineOnce) {
  std::vector<Finding> findings;
  EXPECT_EQ(decode_input_text("* \x93quoted\x94 text\r\n* plain\r\n* na\xEFve\r\n", "page.md", findings),
            "* “quoted” text\r\n* plain\r\n* naïve\r\n");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].location.to_string(), "page.md:1");
  EXPECT_EQ(findings[0].message, "byte 0x93 is not UTF-8; read as Windows-1252");
  EXPECT_EQ(findings[1].location.to_string(), "page.md:3");
  EXPECT_EQ(findings[1].message, "byte 0xEF is not UTF-8; read as Windows-1252");
}

TEST_F(Input, DecodeKeepsValidUtf8NextToRepairedBytes) {
  std::vector<Finding> findings;
  EXPECT_EQ(decode_input_text("\xEF\xBB\xBF"
                              "café \x80 5",
                              "page.md", findings),
            "café € 5");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location.to_string(), "page.md:1");
}

TEST_F(Input, ExpandKeepsFileArgumentsAsGiven) {
  EXPECT_EQ(expand_inputs({"b.md", "missing.yaml", "a.md"}),
            (std::vector<std::string>{"b.md", "missing.yaml", "a.md"}));
}

TEST_F(Input, ExpandListsAFoldersInputsInNameOrder) {
  write("b-roles.md", "");
  write("a-roles.markdown", "");
  write("d-roles.YML", "");
  write("c-roles.yaml", "");
  EXPECT_EQ(expand_inputs({dir_.string()}),
            (std::vector<std::string>{path("a-roles.markdown"), path("b-roles.md"), path("c-roles.yaml"),
                                      path("d-roles.YML")}));
}

TEST_F(Input, ExpandPrefersAYamlMatrixToThePageOfTheSameStem) {
  write("lead-roles.md", "");
  write("lead-roles.yaml", "");
  write("squad-roles.md", "");
  std::vector<ReplacedPage> replaced;
  EXPECT_EQ(expand_inputs({dir_.string()}, &replaced),
            (std::vector<std::string>{path("lead-roles.yaml"), path("squad-roles.md")}));
  EXPECT_EQ(replaced, (std::vector<ReplacedPage>{{path("lead-roles.md"), path("lead-roles.yaml")}}));
  Finding note = replaced_page_finding(replaced[0]);
  EXPECT_EQ(note.code, "page-replaced-by-yaml");
  EXPECT_EQ(note.severity, Severity::kInfo);
  EXPECT_EQ(note.location.file, path("lead-roles.md"));
  EXPECT_EQ(note.message, "left out: " + path("lead-roles.yaml") +
                              " beside it is read instead (a YAML matrix replaces the page of the same name it "
                              "was converted from; name the page to read it)");
}

TEST_F(Input, ExpandSkipsHiddenFilesOtherFilesAndSubfolders) {
  write("roles.md", "");
  write(".draft.md", "");
  write("notes.txt", "");
  fs::create_directory(dir_ / "archive.md");
  write("archive.md/old.md", "");
  EXPECT_EQ(expand_inputs({dir_.string()}), (std::vector<std::string>{path("roles.md")}));
}

TEST_F(Input, ExpandKeepsTheOrderOfTheArguments) {
  write("roles.md", "");
  EXPECT_EQ(expand_inputs({"z.yaml", dir_.string(), "a.md"}),
            (std::vector<std::string>{"z.yaml", path("roles.md"), "a.md"}));
}

TEST_F(Input, ExpandingAFolderWithoutInputsIsAnError) {
  std::string folder = dir_.string();
  EXPECT_EQ(error_of([&] { expand_inputs({folder}); }),
            folder + ": folder holds no .md, .markdown, .yaml or .yml file");
  write("notes.txt", "");
  write(".hidden.md", "");
  EXPECT_EQ(error_of([&] { expand_inputs({folder}); }),
            folder + ": folder holds no .md, .markdown, .yaml or .yml file");
}

TEST_F(Input, LoadsAPageWithItsEncodingRepairs) {
  std::string file =
      write("squad.md", "\xEF\xBB\xBF# Squad\r\n\r\n## Delivery Lead\r\n\r\n* Run the caf\xE9 demos\r\n");
  Model model = load_input(file);
  EXPECT_EQ(model.title, "Squad");
  EXPECT_EQ(model.source_file, file);
  ASSERT_EQ(model.duties.size(), 1u);
  EXPECT_EQ(model.duties[0].text, "Run the café demos");
  EXPECT_EQ(model.duties[0].source.to_string(), file + ":5");
  ASSERT_EQ(model.findings.size(), 1u);
  EXPECT_EQ(model.findings[0].code, "repaired-encoding");
  EXPECT_EQ(model.findings[0].location.to_string(), file + ":5");
}

TEST_F(Input, LoadingAnUnsupportedFileIsAnError) {
  std::string file = write("roles.txt", "## Role\n* duty\n");
  EXPECT_EQ(error_of([&] { load_input(file); }),
            file +
                ": unsupported input type \".txt\": expected a role page (.md, .markdown) or a YAML matrix "
                "(.yaml, .yml)");
}

TEST_F(Input, StemIsTheFileNameWithoutFolderAndExtension) {
  EXPECT_EQ(input_stem("matrices/lead-roles.md"), "lead-roles");
  EXPECT_EQ(input_stem("lead-roles.yaml"), "lead-roles");
  EXPECT_EQ(input_stem("a/b.c/roles.v2.md"), "roles.v2");
}

}  // namespace
}  // namespace raci
