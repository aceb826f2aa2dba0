#include "writing/terminal_report.h"

#include <algorithm>

#include <fmt/format.h>

#include "writing/ansi.h"
#include "writing/finding_line.h"
#include "reading/utf8.h"

namespace raci {

namespace {

std::size_t display_width(std::string_view text) { return utf8::decode(text).size(); }

// Cuts text to `width` characters, marking the cut with an ellipsis; pads it to `width`
// unless it ends the line.
std::string fit(std::string_view text, std::size_t width, bool pad = true) {
  std::vector<char32_t> chars = utf8::decode(text);
  if (chars.size() <= width) return std::string(text) + std::string(pad ? width - chars.size() : 0, ' ');
  chars.resize(width == 0 ? 0 : width - 1);
  chars.push_back(U'…');
  return utf8::encode(chars);
}

Color letter_color(const Letters& letters) {
  if (letters.has(Letters::kA)) return Color::kMagenta;
  if (letters.has(Letters::kR)) return Color::kBlue;
  if (letters.has(Letters::kC)) return Color::kYellow;
  return Color::kDim;
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

std::string render_analysis(const Model& model, const Analysis& analysis, const ReportStyle& style) {
  const Matrix& matrix = analysis.matrix;
  std::string out;
  out += paint(fmt::format("{} ({})", model.title, model.source_file), Color::kBold, style.color) + "\n\n";

  // The matrix: id, duty, one narrow column per role.
  std::size_t id_width = 2;
  for (const MatrixRow& row : matrix.rows) id_width = std::max(id_width, display_width(row.id));
  id_width = std::min<std::size_t>(id_width, 28);
  std::vector<std::size_t> role_widths;
  std::size_t roles_width = 0;
  for (const Role& role : matrix.roles) {
    role_widths.push_back(std::max<std::size_t>(display_width(role.id), 5));
    roles_width += role_widths.back() + 1;
  }
  std::size_t fixed = id_width + 2 + roles_width;
  std::size_t duty_width = static_cast<std::size_t>(style.width) > fixed + 20 ? style.width - fixed - 1 : 20;
  std::string header = fit("id", id_width) + "  " + fit("duty", duty_width);
  for (std::size_t r = 0; r < matrix.roles.size(); ++r) header += " " + fit(matrix.roles[r].id, role_widths[r]);
  out += paint(header, Color::kBold, style.color) + "\n";
  std::string area = "\x01";
  for (const MatrixRow& row : matrix.rows) {
    if (row.area != area) {
      area = row.area;
      out += paint(area.empty() ? "(no area)" : area, Color::kDim, style.color) + "\n";
    }
    std::string line = fit(row.id, id_width) + "  " + fit(row.text, duty_width);
    for (std::size_t r = 0; r < matrix.roles.size(); ++r) {
      const Letters letters = row.cell(r).letters;
      std::string cell = fit(letters.to_string(), role_widths[r]);
      line += " " + (letters.empty() ? cell : paint(cell, letter_color(letters), style.color));
    }
    out += line + "\n";
  }

  // The overlaps, ranked.
  std::size_t duplicates = 0;
  for (const Overlap& overlap : analysis.overlaps) duplicates += overlap.kind == OverlapKind::kDuplicate ? 1 : 0;
  out += "\n" + paint(fmt::format("Overlaps: {} duplicate, {} related", duplicates,
                                  analysis.overlaps.size() - duplicates),
                      Color::kBold, style.color) +
         "\n";
  std::size_t text_width = static_cast<std::size_t>(std::max(style.width - 28, 30));  // after "  1. duplicate 0.921  EM    "
  for (std::size_t i = 0; i < analysis.overlaps.size(); ++i) {
    const Overlap& overlap = analysis.overlaps[i];
    const Duty& a = model.duties[overlap.duty_a];
    const Duty& b = model.duties[overlap.duty_b];
    bool duplicate = overlap.kind == OverlapKind::kDuplicate;
    out += fmt::format("{:>3}. {} {:.3f}  {:<5} {}\n", i + 1,
                       paint(duplicate ? "duplicate" : "related  ", duplicate ? Color::kRed : Color::kYellow,
                             style.color),
                       overlap.score, model.roles[a.role].id, fit(a.text, text_width, false));
    out += fmt::format("{:>20}  {:<5} {}\n", "", model.roles[b.role].id, fit(b.text, text_width, false));
    std::string terms;
    for (const std::string& term : overlap.shared_terms) terms += (terms.empty() ? "" : ", ") + term;
    out += fmt::format("{:>20}  {}\n", "", paint("shared: " + terms, Color::kDim, style.color));
    out += fmt::format("{:>20}  {}\n", "", paint(analysis.outcomes[i].resolution, Color::kDim, style.color));
  }

  // The findings.
  std::size_t counts[3] = {0, 0, 0};
  for (const Finding& finding : analysis.findings) ++counts[static_cast<int>(finding.severity)];
  out += "\n" + paint(fmt::format("Findings: {}", analysis.findings.size()), Color::kBold, style.color) + "\n";
  for (const Finding& finding : analysis.findings) out += format_finding(finding, style.color) + "\n";

  out += "\n" + fmt::format("{}: {}, {}, {} duplicate, {} related, {}, {}, {} info\n", model.source_file,
                            plural(matrix.rows.size(), "row"), plural(matrix.roles.size(), "role"), duplicates,
                            analysis.overlaps.size() - duplicates, plural(counts[2], "error"),
                            plural(counts[1], "warning"), counts[0]);
  return out;
}

}  // namespace raci
