#include "writing/overlaps_csv.h"

#include <fmt/format.h>

#include "writing/csv.h"

namespace raci {

std::string join_terms(const std::vector<std::string>& terms) {
  std::string out;
  for (const std::string& term : terms) out += (out.empty() ? "" : "; ") + term;
  return out;
}

std::string write_overlaps_csv(const Model& model, const Analysis& analysis) {
  CsvWriter csv;
  csv.row({"kind", "score", "role_a", "duty_a", "role_b", "duty_b", "id_a", "id_b", "location_a", "location_b",
           "shared_terms", "resolution"});
  for (std::size_t i = 0; i < analysis.overlaps.size(); ++i) {
    const Overlap& overlap = analysis.overlaps[i];
    const Duty& a = model.duties[overlap.duty_a];
    const Duty& b = model.duties[overlap.duty_b];
    csv.row({std::string(overlap_kind_name(overlap.kind)), fmt::format("{:.3f}", overlap.score),
             model.roles[a.role].id, a.text, model.roles[b.role].id, b.text, a.id, b.id,
             SourceLocation{a.source.file, a.source.line}.to_string(),
             SourceLocation{b.source.file, b.source.line}.to_string(), join_terms(overlap.shared_terms),
             analysis.outcomes[i].resolution});
  }
  return csv.text();
}

}  // namespace raci
