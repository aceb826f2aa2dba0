#include "writing/workbook.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <bit>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "writing/cell_text.h"
#include "writing/fast_deflate.h"
#include "writing/output_file.h"

namespace raci {

namespace {

// Excel's limits.
constexpr std::size_t kMaxSheetNameChars = 31;
constexpr std::size_t kMaxLinksPerSheet = 65530;
constexpr std::size_t kMaxHeaderTitleChars = 80;  // header and footer hold 255 characters in all

// 1980-01-01T00:00:00Z, the date libxlsxwriter gives every zip entry: the creation time when
// the caller pins none, because 0 would make libxlsxwriter write the current time.
constexpr std::int64_t kDefaultCreated = 315532800;

// Empty cells of the matrix are written blank (so area bands and borders cover the whole row)
// while there are at most this many; past it only cells with content are written, which
// keeps a catalogue of 100,000 duties quick to write and to open.
constexpr std::size_t kBlankCellBudget = 250'000;

// Progress is told every this many rows.
constexpr std::size_t kProgressRows = 4096;

constexpr double kRowPoints = 15;  // height of a row of one line in the default font

// Okabe-Ito colours, distinct for the common forms of colour blindness. A cell takes the
// colour of its strongest letter (this order), so A/R shows as A.
struct LetterStyle {
  Letters::Letter letter;
  const char* name;
  const char* meaning;
  const char* colour;
  lxw_color_t fill;
  lxw_color_t font;
};
constexpr LetterStyle kLetterStyles[] = {
    {Letters::kA, "A", "Accountable: answers for the duty, signs it off; one per row", "blue", 0x0072B2,
     0xFFFFFF},
    {Letters::kR, "R", "Responsible: does the work", "orange", 0xE69F00, 0x000000},
    {Letters::kC, "C", "Consulted: asked before, two-way", "bluish green", 0x009E73, 0xFFFFFF},
    {Letters::kI, "I", "Informed: told after, one-way", "yellow", 0xF0E442, 0x000000},
};

// Where the letters of a cell came from, for the About sheet.
constexpr std::pair<CellOrigin, const char*> kOriginMeanings[] = {
    {CellOrigin::kExplicit, "written in the input (raci: in the YAML matrix)"},
    {CellOrigin::kListingRole, "the role that lists the duty"},
    {CellOrigin::kPolicy, "a theme of the assignment policy, named after the colon (policy:hiring)"},
    {CellOrigin::kDecision, "a workshop decision recorded in the YAML matrix"},
    {CellOrigin::kOverlap, "the role shares ground with the duty elsewhere (see related rows)"},
};

constexpr lxw_color_t kHeaderFill = 0x1F3A52;
constexpr lxw_color_t kBandFill = 0xEEF3F8;
constexpr lxw_color_t kGridColour = 0xC9D3DD;
constexpr lxw_color_t kGroupRule = 0x4A5D70;
constexpr lxw_color_t kMutedText = 0x6B7785;
constexpr lxw_color_t kFaintText = 0x98A3AE;
constexpr lxw_color_t kLinkText = 0x0062A3;
constexpr lxw_color_t kErrorText = 0xB34700;

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Text for a page header or footer: `&` doubled, as `&` starts a code there.
std::string header_text(std::string_view text) {
  std::string out;
  for (char c : first_code_points(text, kMaxHeaderTitleChars)) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// `join`, into a string kept from row to row so that its memory is reused.
void join_into(std::string& out, const std::vector<std::string>& parts, std::string_view separator) {
  out.clear();
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
}

std::string column_name(lxw_col_t col) {
  char name[LXW_MAX_COL_NAME_LENGTH];
  lxw_col_to_name(name, col, 0);
  return name;
}

// The canonical cell values a role cell may hold, commonest first: the drop-down's order.
std::vector<std::string> letter_choices() {
  std::vector<Letters> all;
  for (std::uint8_t bits = 1; bits < 16; ++bits) all.push_back(Letters(bits));
  auto rank = [](Letters letters) {
    if (letters == Letters(Letters::kA | Letters::kR)) return 0;
    return 1 + std::popcount(letters.bits());
  };
  std::stable_sort(all.begin(), all.end(), [&](Letters a, Letters b) { return rank(a) < rank(b); });
  std::vector<std::string> out;
  for (Letters letters : all) out.push_back(letters.to_string());
  return out;
}

const LetterStyle& style_of(Letters::Letter letter) {
  for (const LetterStyle& style : kLetterStyles) {
    if (style.letter == letter) return style;
  }
  return kLetterStyles[0];
}

const LetterStyle& strongest(Letters letters) {
  for (const LetterStyle& style : kLetterStyles) {
    if (letters.has(style.letter)) return style;
  }
  return kLetterStyles[std::size(kLetterStyles) - 1];
}

// A text cut to fit a cell, for the Findings sheet.
struct Truncation {
  SourceLocation where;
  std::string what;
  std::size_t units = 0;
};

// The Findings sheet while it is written: its rows first, then (once every other sheet that
// may cut a text is done) a row for each text cut.
struct FindingsSheet {
  struct FileLineHash {
    std::size_t operator()(const std::pair<std::string_view, int>& key) const {
      return std::hash<std::string_view>()(key.first) ^
             (static_cast<std::size_t>(key.second) * 0x9E3779B97F4A7C15u);
    }
  };
  lxw_worksheet* sheet = nullptr;
  ColumnWidths widths{{{11, 11}, {12, 28}, {12, 32}, {30, 70}, {9, 9}}};
  std::unordered_map<std::pair<std::string_view, int>, std::size_t, FileLineHash> duty_at;  // first duty there
  std::size_t links = 0;
  lxw_row_t next_row = 1;
  std::string severity, location;  // reused from row to row
};

class WorkbookWriter {
 public:
  WorkbookWriter(const std::string& path, const Model& model, const Analysis& analysis,
                 const WorkbookOptions& options)
      : path_(path), model_(model), analysis_(analysis), options_(options) {}
  ~WorkbookWriter() {
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
  }
  WorkbookWriter(const WorkbookWriter&) = delete;
  WorkbookWriter& operator=(const WorkbookWriter&) = delete;

  void write();

 private:
  enum class Column { kId, kArea, kAreaRepeat, kDuty, kRole, kExtra };

  void check(lxw_error error) const {
    if (error != LXW_NO_ERROR)
      throw OutputError(path_, fmt::format("cannot write the workbook: {}", lxw_strerror(error)));
  }
  lxw_format* new_format();
  void number_formats();
  lxw_format* bordered(bool wrap);
  lxw_format* matrix_format(Column column, bool band, bool first);
  void make_formats();
  void set_properties();
  void put_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text,
                lxw_format* format, const SourceLocation& where = {}, std::string_view what = "");
  void put_link(lxw_worksheet* sheet, std::size_t& links, lxw_row_t row, lxw_col_t col, std::size_t duty) const;
  void put_header(lxw_worksheet* sheet, ColumnWidths& widths, const std::vector<std::string>& names,
                  lxw_col_t centred_from = 0, lxw_col_t centred_count = 0);
  void set_height(lxw_worksheet* sheet, lxw_row_t row, double points);
  void set_print(lxw_worksheet* sheet, std::string_view what, bool landscape);
  void apply_widths(lxw_worksheet* sheet, const ColumnWidths& widths);

  void write_matrix(lxw_worksheet* sheet);
  void write_overlaps(lxw_worksheet* sheet);
  void start_findings(FindingsSheet& findings);
  void put_finding(FindingsSheet& findings, const Finding& finding);
  void finish_findings(FindingsSheet& findings);
  void write_roles(lxw_worksheet* sheet);
  void write_about(lxw_worksheet* sheet);

  const std::string& path_;
  const Model& model_;
  const Analysis& analysis_;
  const WorkbookOptions& options_;
  lxw_workbook* workbook_ = nullptr;
  std::vector<std::string> sheet_names_;
  std::vector<lxw_worksheet*> sheets_;    // in the order of sheet_names_
  std::vector<std::size_t> row_of_duty_;  // duty -> index into analysis_.matrix.rows
  // The texts each sheet cut to fit a cell, by sheet: the sheets may be written at the same
  // time; the Findings sheet lists them in sheet order, each (location, length) once.
  std::vector<std::vector<Truncation>> cuts_;
  std::size_t overlap_rows_ = 0;  // overlaps on the Overlaps sheet
  std::vector<lxw_format*> formats_;  // every format made, in order
  // Written while the RACI and Overlaps sheets may be written on two threads at once.
  std::atomic<std::size_t> matrix_rows_done_{0};
  std::atomic<std::size_t> overlap_rows_done_{0};
  bool parallel_ = false;  // the RACI sheet on this thread, the Overlaps and Findings on another

  // Tells the caller the share of the RACI and Overlaps rows written. Only the thread writing
  // the RACI sheet calls it, or the one writing them all.
  void tell_progress() const {
    if (!options_.progress) return;
    std::size_t total = analysis_.matrix.rows.size() + overlap_rows_;
    std::size_t done = matrix_rows_done_.load() + overlap_rows_done_.load();
    options_.progress(total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total));
  }

  std::map<std::tuple<Column, bool, bool>, lxw_format*> matrix_formats_;
  lxw_format* header_ = nullptr;
  lxw_format* header_centred_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* centred_ = nullptr;
  lxw_format* wrapped_ = nullptr;
  lxw_format* strong_ = nullptr;
  lxw_format* link_ = nullptr;
  lxw_format* score_ = nullptr;
  lxw_format* count_ = nullptr;
  lxw_format* share_ = nullptr;
  lxw_format* error_ = nullptr;
  lxw_format* title_ = nullptr;
  lxw_format* section_ = nullptr;
  lxw_format* label_ = nullptr;
  lxw_format* value_ = nullptr;
  std::vector<lxw_format*> letter_cells_;  // per kLetterStyles entry: a coloured cell
  std::vector<lxw_format*> letter_rules_;  // per kLetterStyles entry: a conditional format
};

lxw_format* WorkbookWriter::new_format() {
  lxw_format* format = workbook_add_format(workbook_);
  if (format == nullptr) check(LXW_ERROR_MEMORY_MALLOC_FAILED);
  formats_.push_back(format);
  return format;
}

// libxlsxwriter numbers a format (and adds it to a table the workbook shares) the first time
// a cell of it is written. Before two sheets are written at once, every format the cells may
// use is made and numbered, in the order made, so that writing a cell only reads that table.
void WorkbookWriter::number_formats() {
  for (Column column :
       {Column::kId, Column::kArea, Column::kAreaRepeat, Column::kDuty, Column::kRole, Column::kExtra}) {
    for (bool band : {false, true}) {
      for (bool first : {false, true}) matrix_format(column, band, first);
    }
  }
  for (lxw_format* format : formats_) {
    // The conditional formats' are numbered apart, as they are added to the RACI sheet.
    if (std::find(letter_rules_.begin(), letter_rules_.end(), format) != letter_rules_.end()) continue;
    lxw_format_get_xf_index(format);
  }
}

lxw_format* WorkbookWriter::bordered(bool wrap) {
  lxw_format* format = new_format();
  format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(format, LXW_BORDER_THIN);
  format_set_border_color(format, kGridColour);
  if (wrap) format_set_text_wrap(format);
  return format;
}

lxw_format* WorkbookWriter::matrix_format(Column column, bool band, bool first) {
  auto key = std::make_tuple(column, band, first);
  if (auto it = matrix_formats_.find(key); it != matrix_formats_.end()) return it->second;
  // The same format as wrapped_, so the same object: libxlsxwriter looks a format up in a
  // hash table for every cell while another object with the same properties holds its index.
  if (column == Column::kDuty && !band && !first) return matrix_formats_[key] = wrapped_;
  lxw_format* format = bordered(column != Column::kRole);
  if (band) format_set_bg_color(format, kBandFill);
  // A darker rule above the first row of each area shows where the group starts.
  if (first) {
    format_set_top(format, LXW_BORDER_THIN);
    format_set_top_color(format, kGroupRule);
  }
  switch (column) {
    case Column::kId:
      format_set_font_size(format, 9);
      format_set_font_color(format, kMutedText);
      break;
    case Column::kArea: format_set_bold(format); break;
    case Column::kAreaRepeat: format_set_font_color(format, kFaintText); break;
    case Column::kDuty: break;
    case Column::kRole:
      format_set_align(format, LXW_ALIGN_CENTER);
      format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
      format_set_bold(format);
      break;
    case Column::kExtra: format_set_font_size(format, 9); break;
  }
  matrix_formats_[key] = format;
  return format;
}

void WorkbookWriter::make_formats() {
  for (lxw_format** header : {&header_, &header_centred_}) {
    *header = new_format();
    format_set_bold(*header);
    format_set_font_color(*header, LXW_COLOR_WHITE);
    format_set_bg_color(*header, kHeaderFill);
    format_set_text_wrap(*header);
    format_set_align(*header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(*header, LXW_BORDER_THIN);
    format_set_border_color(*header, kGridColour);
  }
  format_set_align(header_centred_, LXW_ALIGN_CENTER);

  text_ = bordered(false);
  centred_ = bordered(false);
  format_set_align(centred_, LXW_ALIGN_CENTER);
  wrapped_ = bordered(true);
  strong_ = bordered(true);
  format_set_bold(strong_);
  link_ = bordered(false);
  format_set_align(link_, LXW_ALIGN_CENTER);
  format_set_font_color(link_, kLinkText);
  format_set_underline(link_, LXW_UNDERLINE_SINGLE);
  score_ = bordered(false);
  format_set_num_format(score_, "0.000");
  count_ = bordered(false);
  format_set_num_format(count_, "0");
  format_set_align(count_, LXW_ALIGN_CENTER);
  share_ = bordered(false);
  format_set_num_format(share_, "0%");
  format_set_align(share_, LXW_ALIGN_CENTER);
  error_ = bordered(false);
  format_set_bold(error_);
  format_set_font_color(error_, kErrorText);

  title_ = new_format();
  format_set_bold(title_);
  format_set_font_size(title_, 16);
  format_set_font_color(title_, kHeaderFill);
  section_ = new_format();
  format_set_bold(section_);
  format_set_font_size(section_, 12);
  format_set_font_color(section_, kHeaderFill);
  format_set_bottom(section_, LXW_BORDER_THIN);
  format_set_bottom_color(section_, kHeaderFill);
  label_ = new_format();
  format_set_bold(label_);
  format_set_align(label_, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap(label_);
  value_ = new_format();
  format_set_align(value_, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap(value_);

  for (const LetterStyle& style : kLetterStyles) {
    lxw_format* cell = bordered(false);
    format_set_bg_color(cell, style.fill);
    format_set_font_color(cell, style.font);
    format_set_bold(cell);
    format_set_align(cell, LXW_ALIGN_CENTER);
    format_set_align(cell, LXW_ALIGN_VERTICAL_CENTER);
    letter_cells_.push_back(cell);
    lxw_format* rule = new_format();
    format_set_bg_color(rule, style.fill);
    format_set_font_color(rule, style.font);
    letter_rules_.push_back(rule);
  }
}

void WorkbookWriter::set_properties() {
  std::string title = model_.title.empty() ? model_.source_file : model_.title;
  std::string subject =
      fmt::format("RACI matrix of {} roles and {} duties", model_.roles.size(), model_.duties.size());
  std::string keywords = "RACI, responsibility matrix, roles, duties, overlaps";
  std::string comments = model_.description;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.subject = subject.data();
  properties.keywords = keywords.data();
  if (!comments.empty()) properties.comments = comments.data();
  properties.created = static_cast<time_t>(options_.created > 0 ? options_.created : kDefaultCreated);
  check(workbook_set_properties(workbook_, &properties));
}

void WorkbookWriter::put_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text,
                              lxw_format* format, const SourceLocation& where, std::string_view what) {
  if (text.size() > kMaxCellUnits) {
    std::string cut = text;
    std::size_t units = utf16_units(cut);
    // One finding per text, though it may show on several sheets.
    if (fit_cell(cut)) {
      auto sheet_index = static_cast<std::size_t>(std::find(sheets_.begin(), sheets_.end(), sheet) - sheets_.begin());
      cuts_.at(sheet_index).push_back({where, std::string(what.empty() ? "a text" : what), units});
    }
    check(worksheet_write_string(sheet, row, col, cut.c_str(), format));
    return;
  }
  // Always a string cell: text starting with `=` stays text.
  check(worksheet_write_string(sheet, row, col, text.c_str(), format));
}

// A cell "row N" that links to the duty's row on the RACI sheet. A cell of its own, as
// LibreOffice does not wrap the text of a link.
void WorkbookWriter::put_link(lxw_worksheet* sheet, std::size_t& links, lxw_row_t row, lxw_col_t col,
                              std::size_t duty) const {
  const std::string text = fmt::format("row {}", row_of_duty_[duty] + 2);
  if (links >= kMaxLinksPerSheet) {
    check(worksheet_write_string(sheet, row, col, text.c_str(), text_));
    return;
  }
  ++links;
  const std::string target = fmt::format("internal:'{}'!C{}", sheet_names_[0], row_of_duty_[duty] + 2);
  check(worksheet_write_url_opt(sheet, row, col, target.c_str(), link_, text.c_str(),
                                "Go to the duty on the RACI sheet"));
}

void WorkbookWriter::put_header(lxw_worksheet* sheet, ColumnWidths& widths,
                                const std::vector<std::string>& names, lxw_col_t centred_from,
                                lxw_col_t centred_count) {
  double height = kRowPoints;
  for (lxw_col_t col = 0; col < names.size(); ++col) {
    bool centred = col >= centred_from && col < centred_from + centred_count;
    put_text(sheet, 0, col, names[col], centred ? header_centred_ : header_);
    height = std::max(height, widths.fit_header(col, names[col]));
  }
  set_height(sheet, 0, height);
  worksheet_freeze_panes(sheet, 1, 0);
}

void WorkbookWriter::set_height(lxw_worksheet* sheet, lxw_row_t row, double points) {
  // Neither LibreOffice nor Excel fits the height of a row to wrapped text on opening.
  if (points > kRowPoints) check(worksheet_set_row(sheet, row, points, nullptr));
}

void WorkbookWriter::set_print(lxw_worksheet* sheet, std::string_view what, bool landscape) {
  std::string title = model_.title.empty() ? model_.source_file : model_.title;
  if (landscape) worksheet_set_landscape(sheet);
  worksheet_fit_to_pages(sheet, 1, 0);
  worksheet_set_margins(sheet, 0.4, 0.4, 0.7, 0.6);
  std::string header = fmt::format("&L&\"-,Bold\"{}&R{}", header_text(title), header_text(what));
  std::string footer = fmt::format("&L{}&CPage &P of &N&Rraci {}", header_text(model_.source_file),
                                   header_text(options_.version));
  check(worksheet_set_header(sheet, header.c_str()));
  check(worksheet_set_footer(sheet, footer.c_str()));
}

void WorkbookWriter::apply_widths(lxw_worksheet* sheet, const ColumnWidths& widths) {
  for (lxw_col_t col = 0; col < widths.size(); ++col) {
    check(worksheet_set_column(sheet, col, col, widths.width(col), nullptr));
  }
}

void WorkbookWriter::write() {
  const Matrix& matrix = analysis_.matrix;
  overlap_rows_ = std::min(analysis_.overlaps.size(), options_.max_overlap_rows);
  // Rows are then written to a temporary file as they are done (beside the workbook rather
  // than in /tmp, which may be memory), and text is stored in the cells, not in a table of
  // shared strings. Every sheet below is written in row order, as the mode requires.
  lxw_workbook_options settings{};
  std::string folder = std::filesystem::path(path_).parent_path().string();
  if (folder.empty()) folder = ".";
  const std::size_t rows = matrix.rows.size() + overlap_rows_ + analysis_.findings.size();
  if (rows > options_.constant_memory_rows) {
    settings.constant_memory = LXW_TRUE;
    settings.tmpdir = folder.data();
  }
  workbook_ = workbook_new_opt(path_.c_str(), &settings);
  if (workbook_ == nullptr) throw OutputError(path_, "cannot write the workbook: out of memory");
  make_formats();
  set_properties();

  row_of_duty_.assign(model_.duties.size(), 0);
  for (std::size_t r = 0; r < matrix.rows.size(); ++r) {
    if (matrix.rows[r].duty < row_of_duty_.size()) row_of_duty_[matrix.rows[r].duty] = r;
    for (std::size_t d : matrix.rows[r].merged) {
      if (d < row_of_duty_.size()) row_of_duty_[d] = r;
    }
  }

  // Every sheet first, so the tabs come in this order whatever is written first.
  for (const char* name : {"RACI", "Overlaps", "Findings", "Roles", "About"}) {
    sheet_names_.push_back(sanitize_sheet_name(name, sheet_names_));
    sheets_.push_back(workbook_add_worksheet(workbook_, sheet_names_.back().c_str()));
    if (sheets_.back() == nullptr) check(LXW_ERROR_MEMORY_MALLOC_FAILED);
  }
  cuts_.resize(sheets_.size());

  FindingsSheet findings;
  findings.sheet = sheets_[2];
  auto overlaps_and_findings = [&] {
    write_overlaps(sheets_[1]);
    start_findings(findings);
    for (const Finding& finding : analysis_.findings) put_finding(findings, finding);
  };
  // A large workbook stores its text in the cells: the sheets then share nothing but the
  // formats, numbered beforehand, and the RACI sheet is written on this thread while the
  // Overlaps sheet and the Findings rows are written on another.
  parallel_ = settings.constant_memory == LXW_TRUE;
  if (parallel_) {
    number_formats();
    std::exception_ptr failed;
    std::thread other([&] {
      try {
        overlaps_and_findings();
      } catch (...) {
        failed = std::current_exception();
      }
    });
    try {
      write_matrix(sheets_[0]);
    } catch (...) {
      other.join();
      throw;
    }
    other.join();
    if (failed) std::rethrow_exception(failed);
    tell_progress();
  } else {
    write_matrix(sheets_[0]);
    overlaps_and_findings();
  }
  finish_findings(findings);
  write_roles(sheets_[3]);
  write_about(sheets_[4]);

  // libxlsxwriter compresses the parts as it closes the workbook; a large one at zlib's
  // fastest level, on a few threads (see fast_deflate.h).
  if (options_.compressing) options_.compressing();
  std::optional<FastDeflate> fast;
  if (rows > options_.fast_compression_rows) fast.emplace();
  lxw_error error = workbook_close(workbook_);
  workbook_ = nullptr;  // closed and freed, whatever the outcome
  check(error);
}

void WorkbookWriter::write_matrix(lxw_worksheet* sheet) {
  const Matrix& matrix = analysis_.matrix;
  const auto roles = static_cast<lxw_col_t>(matrix.roles.size());
  const lxw_col_t first_role = 3;
  const lxw_col_t last_role = first_role + roles - 1;

  // A wording column for each role that has a duty in a merged row.
  std::vector<bool> worded(roles, false);
  for (const MatrixRow& row : matrix.rows) {
    if (row.merged.empty()) continue;
    worded[model_.duties[row.duty].role] = true;
    for (std::size_t d : row.merged) worded[model_.duties[d].role] = true;
  }
  std::vector<std::string> names = {"id", "area", "duty"};
  std::vector<std::pair<double, double>> limits = {{8, 24}, {10, 24}, {24, 60}};
  for (const Role& role : matrix.roles) {
    names.push_back(role.id);
    limits.push_back({6, 18});
  }
  std::vector<std::size_t> wording_roles;
  std::vector<std::size_t> wording_column(roles, 0);  // role -> its wording column, counted from 0
  for (std::size_t r = 0; r < roles; ++r) {
    if (!worded[r]) continue;
    wording_column[r] = wording_roles.size();
    wording_roles.push_back(r);
    names.push_back(fmt::format("{} wording", matrix.roles[r].id));
    limits.push_back({14, 45});
  }
  const auto related_col = static_cast<lxw_col_t>(names.size());
  // Every extra header holds a space, which no role id does, so a reader tells them apart.
  for (const char* extra : {"related rows", "letters from", "policy theme", "source line"}) {
    names.push_back(extra);
    limits.push_back({10, 32});
  }
  ColumnWidths widths(limits);
  put_header(sheet, widths, names, first_role, roles);

  const bool blanks = matrix.rows.size() * (names.size() - 3) <= kBlankCellBudget;
  // Kept from row to row, so their memory is reused.
  std::string origins, joined, sources;
  std::vector<std::size_t> members;
  std::map<std::size_t, std::vector<std::string>> wordings;
  // The text of each set of letters, by its bits.
  std::array<std::string, 16> letter_texts;
  for (std::uint8_t bits = 0; bits < 16; ++bits) letter_texts[bits] = Letters(bits).to_string();
  bool band = true;
  std::pair<std::size_t, std::string_view> group = {static_cast<std::size_t>(-1), {}};
  for (std::size_t i = 0; i < matrix.rows.size(); ++i) {
    if (i % kProgressRows == 0) {
      matrix_rows_done_.store(i);
      tell_progress();
    }
    const MatrixRow& row = matrix.rows[i];
    const Duty& duty = model_.duties[row.duty];
    const auto r = static_cast<lxw_row_t>(i + 1);
    const bool first = group != std::make_pair(duty.role, std::string_view(row.area));
    if (first) {
      band = !band;
      group = {duty.role, row.area};
    }
    // What a cut text is, named only when a text is that long.
    auto about = [&](const std::string& text, auto describe) {
      return text.size() > kMaxCellUnits ? describe() : std::string();
    };
    put_text(sheet, r, 0, row.id, matrix_format(Column::kId, band, first));
    put_text(sheet, r, 1, row.area, matrix_format(first ? Column::kArea : Column::kAreaRepeat, band, first));
    put_text(sheet, r, 2, row.text, matrix_format(Column::kDuty, band, first), duty.source,
             about(row.text, [&] { return "duty " + row.id; }));
    double height =
        std::max({widths.fit_wrapped(0, row.id, kSmall),
                  widths.fit_wrapped(1, row.area, first ? kBold : kPlain), widths.fit_wrapped(2, row.text)});

    origins.clear();
    lxw_format* format = matrix_format(Column::kRole, band, first);
    // Every role's cell, blank or not, while the matrix is small; else only those set.
    auto next = row.cells.begin();
    for (lxw_col_t c = 0; c < roles; ++c) {
      if (!blanks) {
        if (next == row.cells.end()) break;
        c = static_cast<lxw_col_t>(next->role);
      }
      while (next != row.cells.end() && next->role < c) ++next;
      const Cell cell = next != row.cells.end() && next->role == c ? next->cell : Cell{};
      if (!blanks && next != row.cells.end()) ++next;
      if (cell.letters.empty()) {
        if (blanks) check(worksheet_write_blank(sheet, r, first_role + c, format));
        continue;
      }
      const std::string& letters = letter_texts[cell.letters.bits() & 15];
      check(worksheet_write_string(sheet, r, first_role + c, letters.c_str(), format));
      widths.fit(first_role + c, letters, kBold);
      if (!origins.empty()) origins += '\n';
      origins += matrix.roles[c].id;
      origins += ": ";
      origins += cell_origin_name(cell.origin);
      if (cell.origin == CellOrigin::kPolicy && !row.theme.empty()) {
        origins += ':';
        origins += row.theme;
      }
    }

    lxw_format* extra = matrix_format(Column::kExtra, band, first);
    auto put_extra = [&](lxw_col_t col, const std::string& text, auto describe) {
      if (text.empty() && !blanks) return;
      put_text(sheet, r, col, text, extra, duty.source, about(text, describe));
      height = std::max(height, widths.fit_wrapped(col, text, kSmall));
    };
    members.assign(1, row.duty);
    members.insert(members.end(), row.merged.begin(), row.merged.end());
    // Each role's own wording of a merged row; the other wording columns are blank, and
    // left out unless the matrix is small.
    wordings.clear();  // wording column -> texts
    if (!row.merged.empty()) {
      for (std::size_t d : members)
        wordings[wording_column[model_.duties[d].role]].push_back(model_.duties[d].text);
    }
    auto put_wording = [&](std::size_t w, const std::vector<std::string>& texts) {
      join_into(joined, texts, "\n");
      put_extra(first_role + roles + static_cast<lxw_col_t>(w), joined, [&] {
        return fmt::format("wording of {} in duty {}", matrix.roles[wording_roles[w]].id, row.id);
      });
    };
    if (blanks) {
      const std::vector<std::string> none;
      for (std::size_t w = 0; w < wording_roles.size(); ++w) {
        auto found = wordings.find(w);
        put_wording(w, found == wordings.end() ? none : found->second);
      }
    } else {
      // Only the columns that hold a wording, in column order as above.
      for (const auto& [w, texts] : wordings) put_wording(w, texts);
    }
    joined.clear();
    for (std::size_t d : members) {
      if (!joined.empty()) joined += '\n';
      const SourceLocation& source = model_.duties[d].source;
      joined += source.file;
      if (source.line > 0) fmt::format_to(std::back_inserter(joined), ":{}", source.line);
    }
    sources.swap(joined);
    join_into(joined, row.related, "\n");
    put_extra(related_col, joined, [&] { return "related rows of duty " + row.id; });
    put_extra(related_col + 1, origins, [&] { return "origins of duty " + row.id; });
    put_extra(related_col + 2, row.theme, [&] { return "theme of duty " + row.id; });
    put_extra(related_col + 3, sources, [&] { return "source of duty " + row.id; });
    set_height(sheet, r, height);
  }

  matrix_rows_done_.store(matrix.rows.size());
  tell_progress();
  const auto last_row = static_cast<lxw_row_t>(matrix.rows.size());
  const auto last_col = static_cast<lxw_col_t>(names.size() - 1);
  apply_widths(sheet, widths);
  worksheet_freeze_panes(sheet, 1, first_role);
  check(worksheet_autofilter(sheet, 0, 0, last_row, last_col));

  if (roles > 0 && last_row > 0) {
    // One equal-to rule per possible value: every combination gets its strongest letter's colour.
    for (const std::string& value : letter_choices()) {
      std::string quoted = fmt::format("\"{}\"", value);
      lxw_conditional_format rule{};
      rule.type = LXW_CONDITIONAL_TYPE_CELL;
      rule.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
      rule.value_string = quoted.data();
      const LetterStyle& style = strongest(*Letters::parse(value));
      rule.format = letter_rules_[static_cast<std::size_t>(&style - kLetterStyles)];
      check(worksheet_conditional_format_range(sheet, 1, first_role, last_row, last_role, &rule));
    }
    std::vector<std::string> choices = letter_choices();
    std::vector<char*> list;
    for (std::string& choice : choices) list.push_back(choice.data());
    list.push_back(nullptr);
    std::string error_title = "Not a RACI value";
    std::string error_message = fmt::format(
        "Pick one of {} from the list, or leave the cell empty. A: Accountable, R: Responsible, "
        "C: Consulted, I: Informed.",
        join(choices, " "));
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = list.data();
    validation.ignore_blank = LXW_VALIDATION_ON;
    validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    validation.error_title = error_title.data();
    validation.error_message = error_message.data();
    check(worksheet_data_validation_range(sheet, 1, first_role, last_row, last_role, &validation));
  }

  set_print(sheet, "RACI matrix", true);
  check(worksheet_repeat_rows(sheet, 0, 0));
  // Paper shows the matrix itself; the columns after the roles are for the screen.
  check(worksheet_print_area(sheet, 0, 0, last_row, roles > 0 ? last_role : 2));
}

void WorkbookWriter::write_overlaps(lxw_worksheet* sheet) {
  ColumnWidths widths(
      {{4, 6}, {9, 11}, {8, 8}, {7, 12}, {24, 40}, {7, 9}, {7, 12}, {24, 40}, {7, 9}, {14, 24}, {20, 32}});
  put_header(sheet, widths,
             {"#", "kind", "score", "role A", "duty A", "at A", "role B", "duty B", "at B", "shared terms",
              "resolution"});
  std::size_t links = 0;
  std::string terms;  // reused from row to row
  const std::string none;
  for (std::size_t i = 0; i < overlap_rows_; ++i) {
    if (i % kProgressRows == 0) {
      overlap_rows_done_.store(i);
      if (!parallel_) tell_progress();
    }
    const Overlap& overlap = analysis_.overlaps[i];
    const auto r = static_cast<lxw_row_t>(i + 1);
    const bool duplicate = overlap.kind == OverlapKind::kDuplicate;
    check(worksheet_write_number(sheet, r, 0, static_cast<double>(i + 1), count_));
    put_text(sheet, r, 1, std::string(overlap_kind_name(overlap.kind)), duplicate ? strong_ : wrapped_);
    check(worksheet_write_number(sheet, r, 2, overlap.score, score_));
    double height = kRowPoints;
    for (lxw_col_t side = 0; side < 2; ++side) {
      std::size_t d = side == 0 ? overlap.duty_a : overlap.duty_b;
      const Duty& duty = model_.duties[d];
      const lxw_col_t col = 3 + side * 3;
      put_text(sheet, r, col, model_.roles[duty.role].id, centred_);
      put_text(sheet, r, col + 1, duty.text, wrapped_, duty.source,
               duty.text.size() > kMaxCellUnits ? "duty " + duty.id : std::string());
      put_link(sheet, links, r, col + 2, d);
      widths.fit(col, model_.roles[duty.role].id);
      height = std::max(height, widths.fit_wrapped(col + 1, duty.text));
    }
    join_into(terms, overlap.shared_terms, ", ");
    put_text(sheet, r, 9, terms, wrapped_);
    const std::string& resolution = i < analysis_.outcomes.size() ? analysis_.outcomes[i].resolution : none;
    put_text(sheet, r, 10, resolution, wrapped_);
    set_height(sheet, r,
               std::max({height, widths.fit_wrapped(9, terms), widths.fit_wrapped(10, resolution)}));
  }
  overlap_rows_done_.store(overlap_rows_);
  if (!parallel_) tell_progress();
  apply_widths(sheet, widths);
  check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(overlap_rows_), 10));
  set_print(sheet, "Overlaps", true);
  check(worksheet_repeat_rows(sheet, 0, 0));
}

void WorkbookWriter::start_findings(FindingsSheet& findings) {
  put_header(findings.sheet, findings.widths, {"severity", "code", "location", "message", "at"});
  findings.duty_at.reserve(model_.duties.size());
  for (std::size_t d = 0; d < model_.duties.size(); ++d) {
    findings.duty_at.emplace(
        std::make_pair(std::string_view(model_.duties[d].source.file), model_.duties[d].source.line), d);
  }
}

void WorkbookWriter::put_finding(FindingsSheet& findings, const Finding& finding) {
  lxw_worksheet* sheet = findings.sheet;
  const lxw_row_t r = findings.next_row++;
  findings.severity = severity_name(finding.severity);
  // File and line, as in the findings CSV.
  std::string& location = findings.location;
  location = finding.location.file;
  if (finding.location.line > 0) fmt::format_to(std::back_inserter(location), ":{}", finding.location.line);
  put_text(sheet, r, 0, findings.severity, finding.severity == Severity::kError ? error_ : text_);
  put_text(sheet, r, 1, finding.code, text_);
  put_text(sheet, r, 2, location, wrapped_);
  put_text(sheet, r, 3, finding.message, wrapped_, finding.location, "message of a finding");
  auto duty = findings.duty_at.find({std::string_view(finding.location.file), finding.location.line});
  if (finding.location.line > 0 && duty != findings.duty_at.end()) {
    put_link(sheet, findings.links, r, 4, duty->second);
  } else {
    check(worksheet_write_blank(sheet, r, 4, text_));
  }
  findings.widths.fit(1, finding.code);
  set_height(sheet, r,
             std::max(findings.widths.fit_wrapped(2, location), findings.widths.fit_wrapped(3, finding.message)));
}

// The rows after the analysis' findings: the Overlaps sheet's cap, and every text cut to fit
// a cell on the RACI, Overlaps and Findings sheets, in that order, each once.
void WorkbookWriter::finish_findings(FindingsSheet& findings) {
  if (overlap_rows_ < analysis_.overlaps.size()) {
    put_finding(findings,
                {Severity::kInfo,
                 "overlaps-not-in-workbook",
                 {model_.source_file, 0, 0},
                 fmt::format(
                     "the {} sheet holds the strongest {} of the {} overlaps; the overlaps CSV holds them all",
                     sheet_names_[1], overlap_rows_, analysis_.overlaps.size())});
  }
  std::vector<Truncation> cuts;
  std::set<std::pair<std::string, std::size_t>> listed;  // (location, length)
  std::size_t taken = 0;                                 // of this sheet's own cuts
  auto take = [&](const Truncation& cut) {
    if (listed.emplace(cut.where.to_string(), cut.units).second) cuts.push_back(cut);
  };
  for (const Truncation& cut : cuts_[0]) take(cut);
  for (const Truncation& cut : cuts_[1]) take(cut);
  // This sheet's rows below may cut a text too (a location too long for a cell): listed
  // after the others, as they come.
  for (std::size_t c = 0;; ++c) {
    for (; taken < cuts_[2].size(); ++taken) take(cuts_[2][taken]);
    if (c == cuts.size()) break;
    const Truncation& cut = cuts[c];
    put_finding(findings,
                {Severity::kWarning, "text-truncated", cut.where,
                 fmt::format(
                     "{} has {} characters; the workbook holds its first {} followed by \"{}\" (Excel's limit)",
                     cut.what, cut.units, kMaxCellUnits - 1, kEllipsis)});
  }
  apply_widths(findings.sheet, findings.widths);
  check(worksheet_autofilter(findings.sheet, 0, 0, findings.next_row - 1, 4));
  set_print(findings.sheet, "Findings", true);
  check(worksheet_repeat_rows(findings.sheet, 0, 0));
}

void WorkbookWriter::write_roles(lxw_worksheet* sheet) {
  const Matrix& matrix = analysis_.matrix;
  ColumnWidths widths({{8, 16}, {16, 40}, {6, 6}, {6, 6}, {6, 6}, {6, 6}, {8, 9}, {10, 16}});
  // R, A, C, I in the order of the name RACI.
  const Letters::Letter kCounted[] = {Letters::kR, Letters::kA, Letters::kC, Letters::kI};
  put_header(sheet, widths, {"role", "name", "R", "A", "C", "I", "rows", "share of rows"}, 2, 6);
  const std::size_t rows = matrix.rows.size();
  // Per role: rows holding R, A, C, I, and rows holding anything; one pass in row order.
  std::vector<std::array<std::size_t, 5>> counts(matrix.roles.size());
  for (const MatrixRow& row : matrix.rows) {
    for (const RoleCell& cell : row.cells) {
      const std::size_t c = cell.role;
      Letters letters = cell.cell.letters;
      if (c >= counts.size()) continue;
      if (letters.empty()) continue;
      for (std::size_t l = 0; l < 4; ++l) counts[c][l] += letters.has(kCounted[l]) ? 1 : 0;
      ++counts[c][4];
    }
  }
  for (std::size_t c = 0; c < matrix.roles.size(); ++c) {
    const auto r = static_cast<lxw_row_t>(c + 1);
    put_text(sheet, r, 0, matrix.roles[c].id, strong_);
    put_text(sheet, r, 1, matrix.roles[c].name, text_);
    widths.fit(0, matrix.roles[c].id, kBold);
    widths.fit(1, matrix.roles[c].name);
    if (rows == 0) {
      for (lxw_col_t col = 2; col < 8; ++col)
        check(worksheet_write_number(sheet, r, col, 0, col < 7 ? count_ : share_));
      continue;
    }
    // Formulas over the RACI sheet, with their values cached, so counts and chart follow edits.
    std::string column = column_name(static_cast<lxw_col_t>(3 + c));
    std::string range = fmt::format("'{}'!${}$2:${}${}", sheet_names_[0], column, column, rows + 1);
    for (std::size_t l = 0; l < 5; ++l) {
      std::string formula = l < 4 ? fmt::format("=COUNTIF({},\"*{}*\")", range, style_of(kCounted[l]).name)
                                  : fmt::format("=COUNTIF({},\"?*\")", range);
      check(worksheet_write_formula_num(sheet, r, static_cast<lxw_col_t>(2 + l), formula.c_str(), count_,
                                        static_cast<double>(counts[c][l])));
    }
    std::string share = fmt::format("=G{}/{}", r + 1, rows);
    check(worksheet_write_formula_num(sheet, r, 7, share.c_str(), share_,
                                      static_cast<double>(counts[c][4]) / static_cast<double>(rows)));
  }
  apply_widths(sheet, widths);

  const auto last = static_cast<lxw_row_t>(matrix.roles.size());
  if (last > 0) {
    lxw_chart* chart = workbook_add_chart(workbook_, LXW_CHART_BAR_STACKED);
    if (chart == nullptr) check(LXW_ERROR_MEMORY_MALLOC_FAILED);
    for (std::size_t l = 0; l < 4; ++l) {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      if (series == nullptr) check(LXW_ERROR_MEMORY_MALLOC_FAILED);
      const auto col = static_cast<lxw_col_t>(2 + l);
      chart_series_set_categories(series, sheet_names_[3].c_str(), 1, 0, last, 0);
      chart_series_set_values(series, sheet_names_[3].c_str(), 1, col, last, col);
      chart_series_set_name_range(series, sheet_names_[3].c_str(), 0, col);
      const LetterStyle& style = style_of(kCounted[l]);
      lxw_chart_fill fill{};
      fill.color = style.fill;
      chart_series_set_fill(series, &fill);
      lxw_chart_line line{};
      line.color = LXW_COLOR_WHITE;
      chart_series_set_line(series, &line);
    }
    chart_title_set_name(chart, "Letters per role");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    // In a bar chart the x axis is the horizontal one, the values.
    chart_axis_set_name(chart->x_axis, "rows");
    // The first role on top, as in the table, with the values still below the bars.
    chart_axis_set_reverse(chart->y_axis);
    chart_axis_set_crossing_max(chart->y_axis);
    chart_set_series_gap(chart, 60);
    lxw_chart_options placement{};
    placement.x_scale = 1.4;
    placement.y_scale = std::clamp(0.6 + 0.12 * static_cast<double>(last), 1.0, 8.0);
    placement.y_offset = 4;
    check(worksheet_insert_chart_opt(sheet, 1, 9, chart, &placement));
  }
  set_print(sheet, "Roles", true);
  worksheet_fit_to_pages(sheet, 1, 1);
}

void WorkbookWriter::write_about(lxw_worksheet* sheet) {
  check(worksheet_set_column(sheet, 0, 0, 24, nullptr));
  check(worksheet_set_column(sheet, 1, 1, 90, nullptr));
  lxw_row_t r = 0;
  auto section = [&](const std::string& name) {
    ++r;
    put_text(sheet, r, 0, name, section_);
    check(worksheet_write_blank(sheet, r, 1, section_));
    ++r;
  };
  auto line = [&](const std::string& label, const std::string& value) {
    put_text(sheet, r, 0, label, label_);
    put_text(sheet, r, 1, value, value_);
    set_height(
        sheet, r,
        row_points(std::max(wrapped_lines(label, 24, kBold), wrapped_lines(value, 90, kPlain)), kPlain));
    ++r;
  };

  std::string title = model_.title.empty() ? model_.source_file : model_.title;
  put_text(sheet, r, 0, title, title_);
  check(worksheet_set_row(sheet, r++, 24, nullptr));
  line("", "A RACI matrix: for every duty, who is Responsible, Accountable, Consulted and Informed.");
  if (!model_.description.empty()) line("Description", model_.description);

  section("The letters and their colours");
  for (std::size_t l = 0; l < std::size(kLetterStyles); ++l) {
    line("", fmt::format("{} (cells whose strongest letter is {}: {})", kLetterStyles[l].meaning,
                         kLetterStyles[l].name, kLetterStyles[l].colour));
    put_text(sheet, r - 1, 0, kLetterStyles[l].name, letter_cells_[l]);
  }
  line("Combinations",
       "A cell may hold several letters, written A, R, C, I in that order and joined by / (A/R: "
       "accountable and doing the work). It takes the colour of its strongest letter, A before R before C "
       "before I. An empty cell means the role is not involved.");
  line("Editing",
       fmt::format("Pick a value from the drop-down on any role cell of the {} sheet; the colours and the "
                   "counts on the {} sheet follow the edit.",
                   sheet_names_[0], sheet_names_[3]));

  section("The sheets");
  line(sheet_names_[0],
       "The matrix: one row per duty, one column per role, grouped by area. After the roles: each "
       "role's own wording of a merged duty, related rows, where the letters came from, the policy "
       "theme and the source line. Printing shows the id, area, duty and role columns.");
  line(sheet_names_[1],
       "Pairs of duties of different roles that overlap, strongest first: duplicate (one row, "
       "decide who is accountable) or related (shared ground, cross-referenced). Each duty links "
       "to its row.");
  line(sheet_names_[2], "Diagnostics of the reading and the checks, linked to the row they are about.");
  line(sheet_names_[3], "Per role, how many rows hold each letter, with a chart.");

  section("Where the letters came from");
  for (const auto& [origin, meaning] : kOriginMeanings) line(std::string(cell_origin_name(origin)), meaning);

  section("This workbook");
  line("Source", model_.source_file);
  line("Tool", fmt::format("raci {}", options_.version));
  std::size_t duplicates = 0;
  for (const Overlap& overlap : analysis_.overlaps)
    duplicates += overlap.kind == OverlapKind::kDuplicate ? 1 : 0;
  line("Contents",
       fmt::format("{} roles, {} duties in {} rows, {} overlaps ({} duplicate, {} related), {} findings",
                   model_.roles.size(), model_.duties.size(), analysis_.matrix.rows.size(),
                   analysis_.overlaps.size(), duplicates, analysis_.overlaps.size() - duplicates,
                   analysis_.findings.size()) +
           (overlap_rows_ < analysis_.overlaps.size()
                ? fmt::format("; the {} sheet shows the strongest {}", sheet_names_[1], overlap_rows_)
                : std::string()));
  const Thresholds& t = analysis_.thresholds;
  line(
      "Thresholds",
      fmt::format(
          "related from score {:.2f}, duplicate from {:.2f}, near-duplicate in one role from {:.2f}; at most "
          "{} Responsible per row; a role Accountable or Responsible on more than {:.0f}% of rows is "
          "overloaded",
          t.related, t.duplicate, t.near_duplicate, t.max_responsible, t.overloaded_share * 100));
  line("Policy", analysis_.policy_source.empty() ? "built in" : analysis_.policy_source);
  for (const PolicyTheme& theme : analysis_.policy.themes) {
    std::vector<std::string> parts;
    if (!theme.accountable.empty()) parts.push_back("A: " + join(theme.accountable, " or "));
    if (!theme.consulted.empty()) parts.push_back("C: " + join(theme.consulted, ", "));
    if (!theme.informed.empty()) parts.push_back("I: " + join(theme.informed, ", "));
    if (!theme.terms.empty()) parts.push_back("terms: " + join(theme.terms, ", "));
    line("  " + theme.name, join(parts, "; "));
  }
  set_print(sheet, "About", false);
  // One page when it is about a page long, rather than a page and a few lines.
  if (r < 60) worksheet_fit_to_pages(sheet, 1, 1);
}

}  // namespace

std::string sanitize_sheet_name(std::string_view name, const std::vector<std::string>& taken) {
  std::string base;
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    bool invalid =
        std::string_view("[]:*?/\\").find(c) != std::string_view::npos || byte < 0x20 || byte == 0x7F;
    base += invalid ? '_' : c;
  }
  // Excel refuses a name that starts or ends with an apostrophe.
  auto trim = [](std::string& text) {
    while (!text.empty() && text.front() == '\'') text.erase(0, 1);
    while (!text.empty() && text.back() == '\'') text.pop_back();
  };
  trim(base);
  if (base.empty()) base = "Sheet";
  std::set<std::string> used = {"history"};  // reserved by Excel
  for (const std::string& other : taken) used.insert(ascii_lower(other));
  std::string candidate = first_code_points(base, kMaxSheetNameChars);
  trim(candidate);
  for (int n = 2; used.count(ascii_lower(candidate)) > 0; ++n) {
    std::string suffix = fmt::format(" ({})", n);
    candidate = first_code_points(base, kMaxSheetNameChars - suffix.size());
    trim(candidate);
    candidate += suffix;
  }
  return candidate;
}

void write_workbook(const std::string& path, const Model& model, const Analysis& analysis,
                    const WorkbookOptions& options) {
  WorkbookWriter(path, model, analysis, options).write();
}

}  // namespace raci
