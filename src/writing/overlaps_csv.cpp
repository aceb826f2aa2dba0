#include "writing/overlaps_csv.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include "writing/csv.h"

namespace raci {

namespace {

// "file:line" (the file alone without a line) as a CSV field; `buffer` is reused.
void append_location(std::string& text, const SourceLocation& where, std::string& buffer) {
  buffer.assign(where.file);
  if (where.line > 0) fmt::format_to(std::back_inserter(buffer), FMT_COMPILE(":{}"), where.line);
  append_csv_field(text, buffer);
}

}  // namespace

void write_overlaps_csv(const Model& model, const Analysis& analysis, const TextSink& sink) {
  ChunkedText out(sink);
  std::string& text = out.text();
  text +=
      "kind,score,role_a,duty_a,role_b,duty_b,id_a,id_b,location_a,location_b,shared_terms,resolution\r\n";
  std::string terms;
  std::string location;
  for (std::size_t i = 0; i < analysis.overlaps.size(); ++i) {
    const Overlap& overlap = analysis.overlaps[i];
    const Duty& a = model.duties[overlap.duty_a];
    const Duty& b = model.duties[overlap.duty_b];
    text += overlap_kind_name(overlap.kind);
    fmt::format_to(std::back_inserter(text), FMT_COMPILE(",{:.3f},"), overlap.score);
    append_csv_field(text, model.roles[a.role].id);
    text += ',';
    append_csv_field(text, a.text);
    text += ',';
    append_csv_field(text, model.roles[b.role].id);
    text += ',';
    append_csv_field(text, b.text);
    text += ',';
    append_csv_field(text, a.id);
    text += ',';
    append_csv_field(text, b.id);
    text += ',';
    // File and line only, as in the findings.
    append_location(text, a.source, location);
    text += ',';
    append_location(text, b.source, location);
    text += ',';
    terms.clear();
    for (const std::string& term : overlap.shared_terms) {
      if (!terms.empty()) terms += "; ";
      terms += term;
    }
    append_csv_field(text, terms);
    text += ',';
    append_csv_field(text, analysis.outcomes[i].resolution);
    text += "\r\n";
    out.done_row();
  }
  out.flush();
}

std::string write_overlaps_csv(const Model& model, const Analysis& analysis) {
  std::string out;
  write_overlaps_csv(model, analysis, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace raci
