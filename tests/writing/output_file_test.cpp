#include "writing/output_file.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

namespace raci {
namespace {

namespace fs = std::filesystem;

class OutputFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "raci-output-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (fs::path(dir_) / name).string(); }

  void write(const std::string& name, const std::string& content) const {
    std::ofstream(path(name), std::ios::binary) << content;
  }

  std::string read(const std::string& name) const {
    std::ifstream in(path(name), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::set<std::string> files() const {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) names.insert(entry.path().filename().string());
    return names;
  }

  std::string dir_;
};

TEST_F(OutputFile, WritesAndReplacesLeavingNoTemporaryFile) {
  write_file_atomically(path("x.csv"), "first");
  write_file_atomically(path("x.csv"), "second");
  EXPECT_EQ(read("x.csv"), "second");
  EXPECT_EQ(files(), std::set<std::string>{"x.csv"});
  EXPECT_EQ(fs::status(path("x.csv")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
}

TEST_F(OutputFile, AWriterThatFailsLeavesTheEarlierFile) {
  write("x.xlsx", "earlier");
  EXPECT_THROW(write_atomically_with(path("x.xlsx"),
                                     [](const std::string& temp) {
                                       std::ofstream(temp) << "half";
                                       throw OutputError(temp, "disk full");
                                     }),
               OutputError);
  EXPECT_EQ(read("x.xlsx"), "earlier");
  EXPECT_EQ(files(), std::set<std::string>{"x.xlsx"});
}

TEST_F(OutputFile, TheTemporaryFileIsHiddenAndLockedWhileItIsWritten) {
  write_atomically_with(path("x.xlsx"), [&](const std::string& temp) {
    std::string name = fs::path(temp).filename().string();
    EXPECT_TRUE(name.starts_with(".x.xlsx.tmp-")) << name;
    EXPECT_EQ(name.size(), std::string(".x.xlsx.tmp-").size() + 6);
    int fd = ::open(temp.c_str(), O_RDONLY);
    EXPECT_NE(::flock(fd, LOCK_EX | LOCK_NB), 0);  // held by the writer
    ::close(fd);
    EXPECT_EQ(remove_leftover_temporaries(dir_, {"x.xlsx"}), 0u);
    std::ofstream(temp) << "book";
  });
  EXPECT_EQ(read("x.xlsx"), "book");
}

TEST_F(OutputFile, RemovesLeftoversOfKilledRunsOnly) {
  for (const char* name :
       {".x.xlsx.tmp-a1B2c3", ".y.matrix.csv.tmp-000000", ".out.txt.tmp-abcdef", ".notes.txt.tmp-abcdef",
        ".x.xlsx.tmp-abc", ".x.xlsx.tmp-abc-12", "x.xlsx.tmp-abcdef", ".tmp-abcdef"}) {
    write(name, "partial");
  }
  EXPECT_EQ(remove_leftover_temporaries(dir_, {"out.txt"}), 3u);
  EXPECT_EQ(files(), (std::set<std::string>{".notes.txt.tmp-abcdef", ".x.xlsx.tmp-abc", ".x.xlsx.tmp-abc-12",
                                            "x.xlsx.tmp-abcdef", ".tmp-abcdef"}));
}

TEST_F(OutputFile, CreatesAMissingOutputFolderButNotItsParent) {
  ensure_output_folder(path("out"));
  EXPECT_TRUE(fs::is_directory(path("out")));
  ensure_output_folder(path("out") + "/");
  try {
    ensure_output_folder(path("no/out"));
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_EQ(e.path(), path("no/out"));
    EXPECT_EQ(std::string(e.what()), "cannot create output folder: " + path("no") + " does not exist");
  }
  EXPECT_FALSE(fs::exists(path("no")));
}

TEST_F(OutputFile, AnOutputFolderThatIsAFileIsAnError) {
  write("file", "x");
  EXPECT_THROW(ensure_output_folder(path("file")), OutputError);
  EXPECT_THROW(ensure_output_folder(path("file/out")), OutputError);
}

TEST_F(OutputFile, AnOutputFileMustNotBeAFolderAndItsFolderMustExist) {
  fs::create_directory(path("x.yaml"));
  EXPECT_THROW(check_output_file(path("x.yaml")), OutputError);
  EXPECT_THROW(check_output_file(path("missing/x.yaml")), OutputError);
  EXPECT_NO_THROW(check_output_file(path("y.yaml")));
}

TEST_F(OutputFile, RefusesToWriteOverAnInput) {
  write("in.yaml", "roles: []");
  fs::create_hard_link(path("in.yaml"), path("in.matrix.csv"));
  EXPECT_THROW(refuse_to_overwrite_inputs(path("in.matrix.csv"), {path("in.yaml")}), OutputError);
  EXPECT_NO_THROW(refuse_to_overwrite_inputs(path("other.csv"), {path("in.yaml")}));
}

}  // namespace
}  // namespace raci
