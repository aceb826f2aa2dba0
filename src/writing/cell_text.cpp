#include "writing/cell_text.h"

#include <algorithm>
#include <array>

namespace raci {

// Number of UTF-16 code units of UTF-8 text: Excel's way of counting characters.
std::size_t utf16_units(std::string_view text) {
  std::size_t units = 0;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;
    units += byte >= 0xF0 ? 2 : 1;
  }
  return units;
}

// The first `limit` code points of UTF-8 text.
std::string first_code_points(std::string_view text, std::size_t limit) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count++ == limit) return std::string(text.substr(0, i));
  }
  return std::string(text);
}

// Cuts text longer than a cell holds to its first 32,766 units and "…"; true when cut.
bool fit_cell(std::string& text) {
  if (text.size() <= kMaxCellUnits || utf16_units(text) <= kMaxCellUnits) return false;
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;
    std::size_t width = byte >= 0xF0 ? 2 : 1;
    if (units + width > kMaxCellUnits - 1) {
      text.resize(i);
      break;
    }
    units += width;
  }
  text += kEllipsis;
  return true;
}

namespace {

// Excel gives a column `width` units of 7 pixels plus 5 (a "0" of Calibri 11 at 96 dpi);
// LibreOffice gives it a little more, so measuring as Excel does suits both.
// Advance widths of Calibri for ASCII 32 to 126, in 1/2048 of an em, as read from Carlito,
// its metric-compatible substitute (Carlito-Regular.ttf, tables cmap and hmtx).
constexpr std::uint16_t kCalibriWidths[95] = {
    463,  667,  821,  1020, 1038, 1464, 1397, 452,  621,  621,  1020, 1020, 511,  627,  517,  791,
    1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548,  548,  1020, 1020, 1020, 949,
    1831, 1185, 1114, 1092, 1260, 1000, 941,  1292, 1276, 516,  653,  1064, 861,  1751, 1322, 1356,
    1058, 1378, 1112, 941,  998,  1314, 1162, 1822, 1063, 998,  959,  628,  791,  628,  1020, 1020,
    596,  981,  1076, 866,  1076, 1019, 625,  964,  1076, 470,  490,  931,  470,  1636, 1076, 1080,
    1076, 1076, 714,  801,  686,  1076, 925,  1464, 887,  927,  809,  644,  943,  644,  1020};
constexpr std::uint16_t kOtherWidth = 1200;  // any other character: wider than most letters
constexpr double kBoldFactor = 1.05;         // Calibri Bold is about this much wider
constexpr double kSafetyFactor = 1.04;       // a little wide: better some air than text cut off

// The advance width each byte of UTF-8 text adds: an ASCII character its own, a byte that
// continues a character nothing, any other byte (a control or the start of a character
// outside ASCII) kOtherWidth. Summed in integers, so a text measured piece by piece and a
// text measured whole give the same pixels for the same characters.
constexpr auto kByteWidths = [] {
  std::array<std::uint16_t, 256> widths{};
  for (std::size_t byte = 0; byte < widths.size(); ++byte) {
    if (byte >= 32 && byte < 127) {
      widths[byte] = kCalibriWidths[byte - 32];
    } else if ((byte & 0xC0) != 0x80) {
      widths[byte] = kOtherWidth;
    }
  }
  return widths;
}();

// Pixels a wrapped cell `width` units wide holds on a line, less the cell's padding.
double room_pixels(double width) { return std::max(width * 7 + 5 - 6, 1.0); }

std::uint64_t text_units(std::string_view text) {
  std::uint64_t units = 0;
  for (char c : text) units += kByteWidths[static_cast<unsigned char>(c)];
  return units;
}

double units_to_pixels(std::uint64_t units, Font font) {
  return static_cast<double>(units) / 2048 * font.points * 96 / 72 * (font.bold ? kBoldFactor : 1) *
         kSafetyFactor;
}

// What a text needs in a wrapped cell: its longest line (in advance-width units) and the
// lines it takes in `room` pixels by a greedy word wrap that breaks lines at spaces and after
// hyphens. One pass: this runs for several cells of every row of a large workbook.
struct Measure {
  std::uint64_t longest = 0;
  std::size_t lines = 1;
};

Measure measure(std::string_view text, double room, Font font) {
  // Most cells hold a line that fits: no wrap to work out. (A wrapped line is never wider
  // than the whole text, and the sum below differs from the wrap's by rounding only.)
  if (text.find('\n') == std::string_view::npos) {
    const std::uint64_t units = text_units(text);
    if (units_to_pixels(units, font) + 1e-6 <= room) return {units, 1};
  }
  const double space = units_to_pixels(kByteWidths[' '], font);
  Measure out;
  double used = 0;          // pixels on the current line
  std::uint64_t piece = 0;  // units of the piece since the last break
  std::uint64_t line = 0;   // units of the text's line since the last newline
  bool spaced = false;      // the piece follows a space
  auto place = [&] {
    double width = units_to_pixels(piece, font);
    double need = width + (spaced && used > 0 ? space : 0);
    if (used > 0 && used + need > room) {
      ++out.lines;
      used = 0;
      need = width;
    }
    // A piece wider than a line is broken across lines.
    for (; used + need > room; ++out.lines) {
      need -= room - used;
      used = 0;
    }
    used += need;
    piece = 0;
  };
  for (char c : text) {
    const std::uint16_t width = kByteWidths[static_cast<unsigned char>(c)];
    if (c == '\n' || c == ' ') {
      place();
      spaced = c == ' ';
      if (c == '\n') {
        ++out.lines;
        used = 0;
        out.longest = std::max(out.longest, line);
        line = 0;
        continue;
      }
    } else if (c == '-') {
      piece += width;
      place();
      spaced = false;
    } else {
      piece += width;
    }
    line += width;
  }
  place();
  out.longest = std::max(out.longest, line);
  return out;
}

}  // namespace

// Width of UTF-8 text in pixels at 96 dpi.
double text_pixels(std::string_view text, Font font) { return units_to_pixels(text_units(text), font); }

// Lines a text takes in a wrapped cell `width` units wide, by a greedy word wrap that breaks
// lines at spaces and after hyphens, as Excel and LibreOffice do.
std::size_t wrapped_lines(std::string_view text, double width, Font font) {
  return measure(text, room_pixels(width), font).lines;
}

// Row height in points for `lines` lines of text.
double row_points(std::size_t lines, Font font) {
  return static_cast<double>(lines) * (font.points <= 9 ? 12.0 : 15.0);
}

ColumnWidths::ColumnWidths(std::vector<std::pair<double, double>> limits) : limits_(std::move(limits)) {
  widths_.resize(limits_.size(), 0);
}

void ColumnWidths::fit(std::uint16_t col, std::string_view text, Font font, double extra) {
  if (col >= widths_.size()) return;
  // A wrapped cell is as wide as its longest line.
  std::uint64_t longest = 0;
  std::uint64_t line = 0;
  for (char c : text) {
    if (c == '\n') {
      longest = std::max(longest, line);
      line = 0;
    } else {
      line += kByteWidths[static_cast<unsigned char>(c)];
    }
  }
  widen(col, std::max(longest, line), font, extra);
}

void ColumnWidths::widen(std::uint16_t col, std::uint64_t units, Font font, double extra) {
  widths_[col] = std::max(widths_[col], (units_to_pixels(units, font) + 1) / 7 + extra);
}

double ColumnWidths::fit_wrapped(std::uint16_t col, std::string_view text, Font font) {
  Measure measured = measure(text, room_pixels(limits_[col].second), font);
  widen(col, measured.longest, font, 0);
  return row_points(measured.lines, font);
}

double ColumnWidths::fit_header(std::uint16_t col, std::string_view text) {
  fit(col, text, kBold, 2.5);
  // The button covers the end of a header rather than wrapping it.
  return row_points(wrapped_lines(text, limits_[col].second, kBold), kBold);
}

double ColumnWidths::width(std::uint16_t col) const {
  return std::clamp(widths_[col], limits_[col].first, limits_[col].second);
}

}  // namespace raci
