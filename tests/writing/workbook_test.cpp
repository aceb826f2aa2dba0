#include "writing/workbook.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include <xlsxwriter.h>

#include "model/matrix.h"
#include "writing/output_file.h"

// The workbook's XML parts are compared with golden files, and read back with openpyxl, by
// tests/e2e/test_workbook.py; here: the sheet names and that a file is written, whole,
// identically every time.

namespace raci {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "raci-workbook-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (fs::path(path_) / name).string(); }

 private:
  std::string path_;
};

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Duty duty(std::string id, std::string text, std::size_t role, std::string area, int line) {
  Duty out;
  out.id = std::move(id);
  out.text = std::move(text);
  out.role = role;
  out.area = std::move(area);
  out.source = {"roles.md", line, 3};
  return out;
}

// Two roles, a duplicate pair merged into one row, a related pair, a finding, and a duty
// that looks like a formula.
struct Sample {
  Model model;
  Analysis analysis;

  Sample() {
    model.title = "Lead Roles & Responsibilities";
    model.description = "Who does what";
    model.source_file = "roles.md";
    model.roles = {{"EM", "Engineering Manager", {"roles.md", 3, 1}},
                   {"TL", "Technical Leader", {"roles.md", 12, 1}}};
    model.duties = {
        duty("em-hire", "Actively seek and hire talent", 0, "Hiring", 6),
        duty("em-cross-squad", "Facilitate cross-squads communication", 0, "Team Management", 8),
        duty("em-formula", "=SUM(A1:A2) is not a formula", 0, "Team Management", 9),
        duty("tl-interviews", "Conduct technical interviews to support hiring decisions", 1, "", 14),
        duty("tl-cross-squad", "Conduct cross-squads communication", 1, "", 15),
    };
    analysis.matrix = build_matrix(model);
    // The duplicate pair em-cross-squad / tl-cross-squad is one row.
    MatrixRow& merged = analysis.matrix.rows[1];
    merged.merged = {4};
    merged.cell_at(1) = {Letters(Letters::kR), CellOrigin::kPolicy};
    merged.theme = "communication";
    analysis.matrix.rows.erase(analysis.matrix.rows.begin() + 4);
    analysis.matrix.rows[0].related = {"tl-interviews"};
    analysis.matrix.rows[2].related = {"em-hire"};
    analysis.matrix.rows[0].cell_at(1) = {Letters(Letters::kC), CellOrigin::kOverlap};
    analysis.overlaps = {{OverlapKind::kDuplicate, 0.81, 1, 4, {"cross-squads communication"}},
                         {OverlapKind::kRelated, 0.34, 0, 3, {"hire"}}};
    analysis.outcomes = {{true, false, "merged: EM accountable by policy (confirm)"},
                         {false, false, "related: each consulted on the other's row"}};
    analysis.findings = {{Severity::kWarning, "split-run-together", {"roles.md", 9, 0}, "split 2 items"},
                         {Severity::kError, "no-accountable", {"roles.md", 0, 0}, "a row has no A"}};
    analysis.thresholds = {0.22, 0.5, 0.7, 3, 0.6};
    analysis.policy.themes = {{"hiring", {"hire", "interview"}, {"EM"}, {"TL"}, {}}};
    analysis.policy_source = "built in";
  }
};

WorkbookOptions options(std::int64_t created) {
  WorkbookOptions out;
  out.created = created;
  out.version = "0.1.0";
  return out;
}

WorkbookOptions pinned() { return options(1700000000); }

TEST(SanitizeSheetName, KeepsAValidName) {
  EXPECT_EQ(sanitize_sheet_name("RACI", {}), "RACI");
  EXPECT_EQ(sanitize_sheet_name("Roles & owners (2024)", {}), "Roles & owners (2024)");
}

TEST(SanitizeSheetName, ReplacesForbiddenCharacters) {
  EXPECT_EQ(sanitize_sheet_name("a[b]c:d*e?f/g\\h", {}), "a_b_c_d_e_f_g_h");
  EXPECT_EQ(sanitize_sheet_name("tab\there", {}), "tab_here");
}

TEST(SanitizeSheetName, DropsApostrophesAtEitherEnd) {
  EXPECT_EQ(sanitize_sheet_name("'quoted'", {}), "quoted");
  EXPECT_EQ(sanitize_sheet_name("it's", {}), "it's");
}

TEST(SanitizeSheetName, NamesAnEmptyNameSheet) {
  EXPECT_EQ(sanitize_sheet_name("", {}), "Sheet");
  EXPECT_EQ(sanitize_sheet_name("''", {}), "Sheet");
}

TEST(SanitizeSheetName, CutsTo31Characters) {
  EXPECT_EQ(sanitize_sheet_name(std::string(40, 'x'), {}), std::string(31, 'x'));
  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "é";
  std::string expected;
  for (int i = 0; i < 31; ++i) expected += "é";
  EXPECT_EQ(sanitize_sheet_name(accents, {}), expected);
}

TEST(SanitizeSheetName, NumbersANameAlreadyTakenIgnoringCase) {
  EXPECT_EQ(sanitize_sheet_name("raci", {"RACI"}), "raci (2)");
  EXPECT_EQ(sanitize_sheet_name("RACI", {"RACI", "RACI (2)"}), "RACI (3)");
  EXPECT_EQ(sanitize_sheet_name(std::string(31, 'x'), {std::string(31, 'x')}), std::string(27, 'x') + " (2)");
}

TEST(SanitizeSheetName, AvoidsTheNameExcelReserves) {
  EXPECT_EQ(sanitize_sheet_name("History", {}), "History (2)");
}

TEST(Workbook, WritesAZipFile) {
  TempDir dir;
  Sample sample;
  std::string path = dir.file("roles.xlsx");
  write_workbook(path, sample.model, sample.analysis, pinned());
  std::string bytes = read_bytes(path);
  ASSERT_GT(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
}

TEST(Workbook, HoldsFiveSheetsAndTheChart) {
  TempDir dir;
  Sample sample;
  std::string path = dir.file("roles.xlsx");
  write_workbook(path, sample.model, sample.analysis, pinned());
  // Part names are stored uncompressed in the zip's headers.
  std::string bytes = read_bytes(path);
  for (const char* part : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet5.xml", "xl/charts/chart1.xml",
                           "xl/sharedStrings.xml", "docProps/core.xml"}) {
    EXPECT_NE(bytes.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(bytes.find("xl/worksheets/sheet6.xml"), std::string::npos);
}

TEST(Workbook, SameInputGivesIdenticalBytes) {
  TempDir dir;
  Sample sample;
  write_workbook(dir.file("a.xlsx"), sample.model, sample.analysis, pinned());
  // Past a second boundary, so a wall-clock time anywhere in the file would show.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  write_workbook(dir.file("b.xlsx"), sample.model, sample.analysis, pinned());
  EXPECT_EQ(read_bytes(dir.file("a.xlsx")), read_bytes(dir.file("b.xlsx")));
}

TEST(Workbook, UnpinnedCreationTimeIsStillReproducible) {
  TempDir dir;
  Sample sample;
  write_workbook(dir.file("a.xlsx"), sample.model, sample.analysis, options(0));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  write_workbook(dir.file("b.xlsx"), sample.model, sample.analysis, options(0));
  EXPECT_EQ(read_bytes(dir.file("a.xlsx")), read_bytes(dir.file("b.xlsx")));
}

TEST(Workbook, CreationTimeChangesTheFile) {
  TempDir dir;
  Sample sample;
  write_workbook(dir.file("a.xlsx"), sample.model, sample.analysis, options(1700000000));
  write_workbook(dir.file("b.xlsx"), sample.model, sample.analysis, options(1700086400));
  EXPECT_NE(read_bytes(dir.file("a.xlsx")), read_bytes(dir.file("b.xlsx")));
}

TEST(Workbook, WritesAMatrixWithoutDutiesOrOverlaps) {
  TempDir dir;
  Model model;
  model.source_file = "empty.yaml";
  model.roles = {{"EM", "Engineering Manager", {}}};
  Analysis analysis;
  analysis.matrix = build_matrix(model);
  write_workbook(dir.file("empty.xlsx"), model, analysis, pinned());
  EXPECT_TRUE(fs::exists(dir.file("empty.xlsx")));
}

TEST(Workbook, CutsTextLongerThanACellHolds) {
  // Unless cut, libxlsxwriter refuses these and write_workbook throws.
  TempDir dir;
  Sample sample;
  sample.model.duties[0].text = std::string(40000, 'x');
  sample.analysis.matrix.rows[0].text = sample.model.duties[0].text;
  std::string wide;
  for (int i = 0; i < 20000; ++i) wide += "\U0001F600";  // two UTF-16 units each in Excel
  sample.model.duties[3].text = wide;
  sample.analysis.findings[0].message = std::string(33000, 'm');
  EXPECT_NO_THROW(write_workbook(dir.file("long.xlsx"), sample.model, sample.analysis, pinned()));
}

TEST(Workbook, ThrowsOutputErrorWhenTheFolderIsMissing) {
  TempDir dir;
  Sample sample;
  std::string path = dir.file("missing/roles.xlsx");
  try {
    write_workbook(path, sample.model, sample.analysis, pinned());
    FAIL() << "no OutputError";
  } catch (const OutputError& e) {
    EXPECT_EQ(e.path(), path);
    EXPECT_EQ(std::string(e.what()),
              std::string("cannot write the workbook: ") + lxw_strerror(LXW_ERROR_CREATING_XLSX_FILE));
  }
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace raci
