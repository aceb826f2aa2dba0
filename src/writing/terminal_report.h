#pragma once

#include <string>

#include "analysis/pipeline.h"

namespace raci {

/// How `raci analyze` lays out its report.
struct ReportStyle {
  bool color = false;  ///< ANSI colours for letters and severities
  int width = 100;     ///< terminal columns; the duty column shrinks to fit
};

/// The analysis for a terminal: the matrix as a table (letters coloured), the overlaps
/// ranked with their shared terms, the findings, and a one-line summary.
std::string render_analysis(const Model& model, const Analysis& analysis, const ReportStyle& style);

}  // namespace raci
