#pragma once

// Text in workbook cells: Excel's length limit, and text measured as Excel lays it out,
// so that columns fit their text and rows are tall enough for their wrapped text.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace raci {

/// The most text one cell holds, in UTF-16 code units (Excel's limit).
inline constexpr std::size_t kMaxCellUnits = 32767;

/// What ends a text cut to fit a cell.
inline constexpr char kEllipsis[] = "\u2026";

/// Number of UTF-16 code units of UTF-8 text: Excel's way of counting characters.
std::size_t utf16_units(std::string_view text);

/// The first `limit` code points of UTF-8 text (all of it when shorter).
std::string first_code_points(std::string_view text, std::size_t limit);

/// Cuts text longer than a cell holds to its first 32,766 units and "…"; true when cut.
bool fit_cell(std::string& text);

/// A font of the workbook: Calibri at a size, plain or bold.
struct Font {
  double points = 11;
  bool bold = false;
};
inline constexpr Font kPlain{11, false};  ///< body text
inline constexpr Font kBold{11, true};    ///< headers, labels
inline constexpr Font kSmall{9, false};   ///< ids and the columns after the roles

/// Width of UTF-8 text in pixels at 96 dpi, from Calibri's advance widths (Carlito's, its
/// metric-compatible substitute); characters outside ASCII count as a wide letter.
double text_pixels(std::string_view text, Font font);

/// Lines a text takes in a wrapped cell `width` units wide (Excel gives a column `width`
/// units of 7 pixels plus 5), by a greedy word wrap that breaks lines at spaces and after
/// hyphens, as Excel and LibreOffice do. At least 1.
std::size_t wrapped_lines(std::string_view text, double width, Font font);

/// Row height in points for `lines` lines of text: neither Excel nor LibreOffice fits a
/// row to wrapped text on opening.
double row_points(std::size_t lines, Font font);

/// Widths of a sheet's columns, from the text put in them, each between a minimum and a
/// maximum; wrapped text is measured at the maximum, which is its final width whenever any
/// text in the column needs more than one line.
class ColumnWidths {
 public:
  /// One {min, max} per column, in character units.
  explicit ColumnWidths(std::vector<std::pair<double, double>> limits);

  /// Widens the column to fit `text` (its longest line), plus `extra` units.
  void fit(std::uint16_t col, std::string_view text, Font font = kPlain, double extra = 0);

  /// Fits the column to `text` and returns the height its row needs for it, in points.
  double fit_wrapped(std::uint16_t col, std::string_view text, Font font = kPlain);

  /// Fits the column to a header (with room for the autofilter's button); returns its height.
  double fit_header(std::uint16_t col, std::string_view text);

  /// The column's width, within its limits.
  double width(std::uint16_t col) const;

  /// Number of columns.
  std::uint16_t size() const { return static_cast<std::uint16_t>(widths_.size()); }

 private:
  // Widens the column to `units` of advance width (from the font's table) plus `extra`.
  void widen(std::uint16_t col, std::uint64_t units, Font font, double extra);

  std::vector<std::pair<double, double>> limits_;  // min, max
  std::vector<double> widths_;
};

}  // namespace raci
