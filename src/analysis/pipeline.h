#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "analysis/assignment.h"
#include "analysis/overlaps.h"
#include "model/finding.h"
#include "model/lexicon.h"
#include "model/matrix.h"
#include "model/model.h"
#include "model/policy.h"

namespace raci {

/// What the command line may set on top of the matrix's own settings.
struct AnalysisOptions {
  std::optional<Lexicon> lexicon;   ///< --lexicon FILE: added to the embedded and matrix lexicons
  std::optional<Policy> policy;     ///< --policy FILE: replaces the matrix's and the default policy
  std::optional<double> related;    ///< --related-threshold
  std::optional<double> duplicate;  ///< --duplicate-threshold
  std::optional<std::size_t> max_overlaps_per_duty;  ///< --max-overlaps-per-duty (0: no cap)
  /// Told what the analysis is doing and how much of it is done (0 to 1, below 0 when
  /// unknown), now and then, for a progress bar; may be empty.
  std::function<void(std::string_view stage, double done)> progress;
};

/// Everything the analysis found for one model.
struct Analysis {
  Matrix matrix;                      ///< assigned letters, duplicates merged
  std::vector<Overlap> overlaps;      ///< ranked, strongest first
  std::vector<PairOutcome> outcomes;  ///< per overlap: merged, decided, resolution
  std::vector<Finding> findings;      ///< reading findings, overlap findings and checks, sorted
  Thresholds thresholds;              ///< in force, defaults filled in
  Policy policy;                      ///< in force
  Lexicon lexicon;                    ///< in force
  std::string policy_source;          ///< "built in", the matrix file, or the --policy file
};

/// Runs the whole analysis: overlap search, assignment, checks. Settings come from the
/// options first, then the matrix (YAML `thresholds:`, `policy:`, `lexicon:`), then the
/// embedded defaults.
Analysis analyze(const Model& model, const AnalysisOptions& options);

}  // namespace raci
