#include "analysis/pipeline.h"

#include <string_view>
#include <thread>

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

  OverlapOptions overlap_options;
  overlap_options.related_threshold = analysis.thresholds.related;
  overlap_options.duplicate_threshold = analysis.thresholds.duplicate;
  overlap_options.near_duplicate_threshold = analysis.thresholds.near_duplicate;
  if (options.max_overlaps_per_duty) overlap_options.max_per_duty = *options.max_overlaps_per_duty;
  // Each duty's terms are extracted once: for the overlap search and for the policy's themes,
  // which match on the same terms: stemmed words, synonyms mapped.
  auto tell = [&](std::string_view stage, double done) {
    if (options.progress) options.progress(stage, done);
  };
  overlap_options.progress = options.progress;
  tell("reading terms", -1);
  std::vector<TermsOfText> terms = extract_duty_terms(model, analysis.lexicon);
  tell("indexing terms", -1);
  std::vector<std::vector<std::string>> duty_words(terms.size());
  for (std::size_t d = 0; d < terms.size(); ++d) {
    for (const TermOccurrence& term : terms[d].terms) {
      if (term.kind == TermKind::kWord) duty_words[d].push_back(term.key);
    }
  }
  OverlapSearch search(model, std::move(terms), overlap_options);
  OverlapResult& overlaps = search.result();
  analysis.overlaps = std::move(overlaps.overlaps);
  // The assignment needs the pairs, not their shared terms: those are found meanwhile on
  // another thread, which this one joins once the checks are done.
  tell("assigning letters, explaining overlaps", -1);
  std::thread explainer([&] { search.explain(analysis.overlaps); });
  struct Joiner {
    std::thread& thread;
    ~Joiner() {
      if (thread.joinable()) thread.join();
    }
  } joiner{explainer};

  TermExtractor extractor(analysis.lexicon);
  // The policy's terms; the duties' words are known already.
  TermFunction words = [&](std::string_view text) {
    std::vector<std::string> keys;
    for (const TermOccurrence& term : extractor.extract(text).terms) {
      if (term.kind == TermKind::kWord) keys.push_back(term.key);
    }
    return keys;
  };
  Assignment assignment = assign_matrix(model, analysis.overlaps, analysis.policy, words, &duty_words);
  analysis.matrix = std::move(assignment.matrix);
  analysis.outcomes = std::move(assignment.outcomes);

  analysis.findings = model.findings;
  analysis.findings.insert(analysis.findings.end(), overlaps.findings.begin(), overlaps.findings.end());
  tell("checking", -1);
  std::vector<Finding> checks = check_matrix(model, analysis.matrix, analysis.thresholds);
  analysis.findings.insert(analysis.findings.end(), checks.begin(), checks.end());
  sort_findings(analysis.findings);
  search.explain(analysis.overlaps);
  explainer.join();
  return analysis;
}

}  // namespace raci
