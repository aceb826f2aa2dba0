#include "writing/workbook.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include "model/matrix.h"
#include "writing/fast_deflate.h"
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

// Inflates a raw deflate stream; "<error N>" when zlib finds it invalid.
std::string inflate_raw(const std::string& data) {
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return "<error init>";
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[65536];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END || stream.avail_in != 0) return "<error " + std::to_string(status) + ">";
  return out;
}

// The parts of a zip file, by name, inflated and checked against their CRC-32; from its
// central directory, as zip readers do.
std::map<std::string, std::string> zip_parts(const std::string& zip) {
  auto u16 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(zip.at(at)) |
                                      static_cast<unsigned char>(zip.at(at + 1)) << 8);
  };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  std::map<std::string, std::string> parts;
  std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
  if (end == std::string::npos) return parts;
  std::size_t entry = u32(end + 16);
  for (std::uint32_t i = 0; i < u16(end + 10); ++i) {
    std::string name = zip.substr(entry + 46, u16(entry + 28));
    std::uint32_t method = u16(entry + 10), crc = u32(entry + 16), size = u32(entry + 20);
    std::size_t local = u32(entry + 42);
    std::size_t data = local + 30 + u16(local + 26) + u16(local + 28);
    std::string bytes = zip.substr(data, size);
    std::string part = method == Z_DEFLATED ? inflate_raw(bytes) : bytes;
    if (crc32(0, reinterpret_cast<const Bytef*>(part.data()), static_cast<uInt>(part.size())) != crc)
      part = "<bad crc>";
    parts[name] = part;
    entry += 46 + u16(entry + 28) + u16(entry + 30) + u16(entry + 32);
  }
  return parts;
}

// Compresses `input` with zlib's API as minizip does for a zip entry (a raw stream, written
// in `write` bytes at a time into a buffer of 64 KiB, then finished).
std::string deflate_as_minizip(const std::string& input, std::size_t write = 16384, int level = 6) {
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "<init>";
  std::string out;
  char buffer[65536];
  stream.next_out = reinterpret_cast<Bytef*>(buffer);
  stream.avail_out = sizeof buffer;
  auto flush_buffer = [&] {
    out.append(buffer, sizeof buffer - stream.avail_out);
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
  };
  for (std::size_t at = 0; at < input.size(); at += write) {
    std::size_t size = std::min(write, input.size() - at);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + at));
    stream.avail_in = static_cast<uInt>(size);
    while (stream.avail_in > 0) {
      if (stream.avail_out == 0) flush_buffer();
      if (deflate(&stream, Z_NO_FLUSH) != Z_OK) return "<deflate>";
    }
  }
  int status = Z_OK;
  while (status == Z_OK) {
    if (stream.avail_out == 0) flush_buffer();
    status = deflate(&stream, Z_FINISH);
  }
  flush_buffer();
  if (deflateEnd(&stream) != Z_OK || status != Z_STREAM_END) return "<finish>";
  return out;
}

// Text like a sheet's XML, compressible but not trivially.
std::string sample_xml(std::size_t size) {
  std::mt19937 random(7);
  std::string out;
  while (out.size() < size) {
    out += "<c r=\"A" + std::to_string(random() % 100000) + "\" s=\"" + std::to_string(random() % 30) +
           "\" t=\"inlineStr\"><is><t>duty " + std::to_string(random()) + "</t></is></c>";
  }
  out.resize(size);
  return out;
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

// The sample with texts longer than a cell holds: duty 0 (40,000 bytes), duty 3 (20,000
// emoji, two UTF-16 units each in Excel), both in the matrix too, and a finding's message.
Sample with_texts_too_long() {
  Sample sample;
  sample.model.duties[0].text = std::string(40000, 'x');
  sample.analysis.matrix.rows[0].text = sample.model.duties[0].text;
  std::string wide;
  for (int i = 0; i < 20000; ++i) wide += "\U0001F600";
  sample.model.duties[3].text = wide;
  sample.analysis.matrix.rows[3].text = wide;  // the row of duty 3
  sample.analysis.findings[0].message = std::string(33000, 'm');
  return sample;
}

TEST(Workbook, CutsTextLongerThanACellHolds) {
  // Unless cut, libxlsxwriter refuses these and write_workbook throws.
  TempDir dir;
  Sample sample = with_texts_too_long();
  EXPECT_NO_THROW(write_workbook(dir.file("long.xlsx"), sample.model, sample.analysis, pinned()));
}

// A large workbook writes its RACI sheet on one thread and its Overlaps and Findings sheets on
// another: the same bytes every time, and each text cut on any of them listed once on the
// Findings sheet, in sheet order (the RACI sheet's first, though the Overlaps sheet shows the
// same duties).
TEST(Workbook, SheetsWrittenAtOnceListEachCutTextOnceInSheetOrder) {
  TempDir dir;
  Sample sample = with_texts_too_long();
  WorkbookOptions large = pinned();
  large.constant_memory_rows = 0;
  write_workbook(dir.file("a.xlsx"), sample.model, sample.analysis, large);
  write_workbook(dir.file("b.xlsx"), sample.model, sample.analysis, large);
  EXPECT_EQ(read_bytes(dir.file("a.xlsx")), read_bytes(dir.file("b.xlsx")));

  std::map<std::string, std::string> parts = zip_parts(read_bytes(dir.file("a.xlsx")));
  EXPECT_EQ(parts.count("xl/sharedStrings.xml"), 0u);  // text in the cells: the sheets share none
  const std::string& findings = parts["xl/worksheets/sheet3.xml"];
  std::vector<std::size_t> at;
  for (const char* what : {"duty em-hire has 40000 characters", "duty tl-interviews has 40000 characters",
                           "message of a finding has 33000 characters"}) {
    at.push_back(findings.find(what));
    EXPECT_NE(at.back(), std::string::npos) << what;
    EXPECT_EQ(findings.find(what, at.back() + 1), std::string::npos) << what << " listed twice";
  }
  EXPECT_TRUE(std::is_sorted(at.begin(), at.end()));
  std::size_t cut_rows = 0;
  for (std::size_t from = findings.find("text-truncated"); from != std::string::npos;
       from = findings.find("text-truncated", from + 1)) {
    ++cut_rows;
  }
  EXPECT_EQ(cut_rows, 3u);
  // The other sheets hold their rows all the same.
  EXPECT_NE(parts["xl/worksheets/sheet1.xml"].find("Facilitate cross-squads communication"), std::string::npos);
  EXPECT_NE(parts["xl/worksheets/sheet2.xml"].find("cross-squads communication"), std::string::npos);
  EXPECT_NE(findings.find("split-run-together"), std::string::npos);
}

// Progress goes up to the whole, in both modes, and then the compression is announced once.
TEST(Workbook, TellsItsProgressToTheEndThenThatItCompresses) {
  TempDir dir;
  Sample sample;
  for (std::size_t constant_memory_rows : {kConstantMemoryRows, std::size_t{0}}) {
    std::vector<std::string> told;
    WorkbookOptions options = pinned();
    options.constant_memory_rows = constant_memory_rows;
    options.progress = [&](double done) { told.push_back(fmt::format("{:.2f}", done)); };
    options.compressing = [&] { told.push_back("compressing"); };
    write_workbook(dir.file("progress.xlsx"), sample.model, sample.analysis, options);
    ASSERT_GE(told.size(), 2u);
    EXPECT_EQ(told.back(), "compressing");
    EXPECT_EQ(told[told.size() - 2], "1.00") << constant_memory_rows;
    EXPECT_EQ(std::count(told.begin(), told.end(), "compressing"), 1);
  }
}

TEST(FastDeflate, InflatesToTheInputAtEverySizeAroundAPiece) {
  const std::size_t piece = kFastDeflateChunk;
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, piece - 1, piece, piece + 1, 3 * piece + 12345}) {
    std::string input = sample_xml(size);
    FastDeflate fast(kFastDeflateLevel, 2);
    EXPECT_EQ(inflate_raw(deflate_as_minizip(input)), input) << size;
  }
}

TEST(FastDeflate, OutputDependsOnlyOnTheInput) {
  std::string input = sample_xml(5 * kFastDeflateChunk + 999);
  std::string one, four, other_writes;
  {
    FastDeflate fast(kFastDeflateLevel, 1);
    one = deflate_as_minizip(input);
  }
  {
    FastDeflate fast(kFastDeflateLevel, 4);
    four = deflate_as_minizip(input);
    other_writes = deflate_as_minizip(input, 5000);
  }
  EXPECT_EQ(one, four);
  EXPECT_EQ(one, other_writes);
}

TEST(FastDeflate, UsesItsLevelOnlyWhileAliveAndOnlyOnItsThread) {
  std::string input = sample_xml(2 * kFastDeflateChunk);
  std::string plain = deflate_as_minizip(input);
  std::string fast_output, other_thread;
  {
    FastDeflate fast(kFastDeflateLevel, 2);
    fast_output = deflate_as_minizip(input);
    std::thread([&] { other_thread = deflate_as_minizip(input); }).join();
  }
  EXPECT_EQ(inflate_raw(fast_output), input);
  // The fastest level leaves the output larger.
  EXPECT_GT(fast_output.size(), plain.size());
  EXPECT_EQ(other_thread, plain);
  EXPECT_EQ(deflate_as_minizip(input), plain);
}

TEST(Workbook, LargeWorkbookIsCompressedFasterWithTheSameParts) {
  TempDir dir;
  Sample sample;
  WorkbookOptions usual = pinned();
  WorkbookOptions fast = pinned();
  fast.fast_compression_rows = 0;
  write_workbook(dir.file("usual.xlsx"), sample.model, sample.analysis, usual);
  write_workbook(dir.file("fast.xlsx"), sample.model, sample.analysis, fast);
  std::string usual_bytes = read_bytes(dir.file("usual.xlsx"));
  std::string fast_bytes = read_bytes(dir.file("fast.xlsx"));
  // Compressed otherwise, to the same parts.
  EXPECT_NE(usual_bytes, fast_bytes);
  std::map<std::string, std::string> parts = zip_parts(usual_bytes);
  EXPECT_EQ(parts.size(), 18u);
  EXPECT_EQ(zip_parts(fast_bytes), parts);
  EXPECT_NE(parts["xl/sharedStrings.xml"].find("Actively seek and hire talent"), std::string::npos);
  // And the same every time.
  write_workbook(dir.file("again.xlsx"), sample.model, sample.analysis, fast);
  EXPECT_EQ(read_bytes(dir.file("again.xlsx")), fast_bytes);
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
