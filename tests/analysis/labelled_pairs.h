#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/overlaps.h"
#include "model/model.h"

namespace raci::testing {

/// One labelled pair of a tests/data/*.tsv file, resolved to duty indexes (a < b).
struct LabelledPair {
  std::string tier;  ///< "must", "should" or "may"
  std::size_t duty_a = 0;
  std::size_t duty_b = 0;
};

/// Reads a label file (tier, role_a, duty_a prefix, role_b, duty_b prefix; '#' comments) and
/// resolves each prefix to the one duty of that role whose text starts with it,
/// case-insensitively. Adds a test failure for a prefix matching no duty or several.
std::vector<LabelledPair> read_labels(const std::string& path, const Model& model);

/// How a set of flagged overlaps fares against the labels.
struct Evaluation {
  std::size_t flagged = 0;
  double recall = 0;     ///< share of must and should pairs flagged
  double precision = 0;  ///< share of flagged pairs that carry a label of any tier
  bool all_must = false;
  std::vector<std::string> missed;        ///< must and should pairs not flagged
  std::vector<std::string> false_alarms;  ///< flagged pairs without a label
};

Evaluation evaluate(const std::vector<Overlap>& overlaps, const std::vector<LabelledPair>& labels,
                    const Model& model);

/// The baseline the overlap search is measured against: plain TF-IDF cosine as
/// scikit-learn's TfidfVectorizer computes it by default (lower-cased tokens of two or more
/// word characters, no stop words, no stemming, idf ln((1 + n) / (1 + df)) + 1, unit
/// length), every cross-role pair scoring at least `threshold`, highest first.
std::vector<Overlap> plain_tfidf_overlaps(const Model& model, double threshold);

/// "recall 0.90, precision 0.95, 20 flagged", then the missed pairs and false alarms.
std::string describe(const Evaluation& evaluation);

}  // namespace raci::testing
