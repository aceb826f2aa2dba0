#include "analysis/pipeline.h"

#include "analysis/checks.h"
#include "analysis/terms.h"
#include "reading/lexicon_loader.h"
#include "reading/policy_loader.h"

namespace raci {

namespace {

// Thresholds in force: the command line's, else the matrix's, else the defaults.
Thresholds thresholds_in_force(const Model& model, const AnalysisOptions& options) {
  Thresholds thresholds = model.thresholds;
  OverlapOptions defaults;
  if (options.related) thresholds.related = *options.related;
  if (options.duplicate) thresholds.duplicate = *options.duplicate;
  if (thresholds.related <= 0) thresholds.related = defaults.related_threshold;
  if (thresholds.duplicate <= 0)
    thresholds.duplicate = std::max(defaults.duplicate_threshold, thresholds.related);
  if (thresholds.near_duplicate <= 0) thresholds.near_duplicate = defaults.near_duplicate_threshold;
  // A duplicate is also related: a duplicate threshold set below the related one lowers it.
  thresholds.related = std::min(thresholds.related, thresholds.duplicate);
  return thresholds;
}

}  // namespace

Analysis analyze(const Model& model, const AnalysisOptions& options) {
  Analysis analysis;
  analysis.thresholds = thresholds_in_force(model, options);
  analysis.lexicon = embedded_lexicon();
  if (model.lexicon) merge_lexicon(analysis.lexicon, *model.lexicon);
  if (options.lexicon) merge_lexicon(analysis.lexicon, *options.lexicon);
  if (options.policy) {
    analysis.policy = *options.policy;
    analysis.policy_source = "--policy";
  } else if (model.policy) {
    analysis.policy = *model.policy;
    analysis.policy_source = model.source_file;
  } else {
    analysis.policy = embedded_policy();
    analysis.policy_source = "built in";
  }

  OverlapOptions overlap_options{analysis.thresholds.related, analysis.thresholds.duplicate,
                                 analysis.thresholds.near_duplicate};
  OverlapResult overlaps = find_overlaps(model, analysis.lexicon, overlap_options);
  analysis.overlaps = std::move(overlaps.overlaps);

  // Themes match on the same terms as the overlap search: stemmed words, synonyms mapped.
  TermExtractor extractor(analysis.lexicon);
  TermFunction words = [&extractor](std::string_view text) {
    std::vector<std::string> keys;
    for (const TermOccurrence& term : extractor.extract(text).terms) {
      if (term.kind == TermKind::kWord) keys.push_back(term.key);
    }
    return keys;
  };
  Assignment assignment = assign_matrix(model, analysis.overlaps, analysis.policy, words);
  analysis.matrix = std::move(assignment.matrix);
  analysis.outcomes = std::move(assignment.outcomes);

  analysis.findings = model.findings;
  analysis.findings.insert(analysis.findings.end(), overlaps.findings.begin(), overlaps.findings.end());
  std::vector<Finding> checks = check_matrix(model, analysis.matrix, analysis.thresholds);
  analysis.findings.insert(analysis.findings.end(), checks.begin(), checks.end());
  sort_findings(analysis.findings);
  return analysis;
}

}  // namespace raci
