#include "analysis/overlaps.h"

#include <algorithm>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "analysis/shared_terms.h"
#include "analysis/similarity.h"
#include "analysis/similarity_join.h"
#include "analysis/term_vectors.h"
#include "analysis/terms.h"

namespace raci {

namespace {

// Below this many overlaps one thread explains them all; below this many duties one thread
// extracts their terms.
constexpr std::size_t kMinOverlapsPerThread = 4096;
constexpr std::size_t kMinDutiesPerThread = 4096;

// Threads for `items` pieces of work: as asked, or when asked for none, the hardware's for
// enough work (one per `per_thread` items).
unsigned thread_count(unsigned wanted, std::size_t items, std::size_t per_thread) {
  if (wanted > 0) return static_cast<unsigned>(std::clamp<std::size_t>(items, 1, wanted));
  wanted = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  return static_cast<unsigned>(std::clamp<std::size_t>(items / per_thread, 1, wanted));
}

}  // namespace

std::string_view overlap_kind_name(OverlapKind kind) {
  return kind == OverlapKind::kDuplicate ? "duplicate" : "related";
}

OverlapResult find_overlaps(const Model& model, const Lexicon& lexicon, const OverlapOptions& options) {
  return find_overlaps(model, extract_duty_terms(model, lexicon, options.threads), options);
}

std::vector<TermsOfText> extract_duty_terms(const Model& model, const Lexicon& lexicon, unsigned threads) {
  const std::size_t n = model.duties.size();
  std::vector<TermsOfText> texts(n);
  threads = thread_count(threads, n, kMinDutiesPerThread);
  // Contiguous shares, one extractor each: an extractor (its stemmer) is not thread-safe.
  auto extract = [&](unsigned t) {
    TermExtractor extractor(lexicon);
    for (std::size_t d = n * t / threads; d < n * (t + 1) / threads; ++d) {
      texts[d] = extractor.extract(model.duties[d].text);
    }
  };
  std::vector<std::thread> running;
  for (unsigned t = 1; t < threads; ++t) running.emplace_back(extract, t);
  extract(0);
  for (std::thread& thread : running) thread.join();
  return texts;
}

OverlapResult find_overlaps(const Model& model, std::vector<TermsOfText> texts,
                            const OverlapOptions& options) {
  OverlapSearch search(model, std::move(texts), options);
  OverlapResult result = std::move(search.result());
  if (options.progress) options.progress("explaining overlaps", -1);
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < thread_count(options.threads, result.overlaps.size(), kMinOverlapsPerThread);
       ++t) {
    helpers.emplace_back([&] { search.explain(result.overlaps); });
  }
  search.explain(result.overlaps);
  for (std::thread& helper : helpers) helper.join();
  return result;
}

OverlapSearch::OverlapSearch(const Model& model, std::vector<TermsOfText> texts,
                             const OverlapOptions& options)
    : model_(model) {
  if (texts.size() != model.duties.size()) throw std::invalid_argument("find_overlaps: one text per duty");
  std::vector<std::size_t> roles;
  roles.reserve(model.duties.size());
  for (const Duty& duty : model.duties) roles.push_back(duty.role);
  auto tell = [&](std::string_view stage, double done) {
    if (options.progress) options.progress(stage, done);
  };
  tell("weighing terms", -1);
  vectors_ = build_term_vectors(std::move(texts), options.weak_word_weight);

  // Overlaps between roles, and near-duplicates inside one role in the same pass.
  JoinOptions across;
  across.threshold = options.related_threshold;
  across.max_per_text = options.max_per_duty;
  across.within_threshold = options.near_duplicate_threshold;
  across.threads = options.threads;
  across.progress = [&](double done) { tell("finding overlaps", done); };
  tell("finding overlaps", 0);
  JoinResult joined = similarity_join(vectors_.vectors, roles, across);
  result_.found = joined.found;
  // Strongest first, then by duty; sorted as pairs, which move faster than overlaps.
  std::sort(joined.pairs.begin(), joined.pairs.end(), [](const ScoredPair& x, const ScoredPair& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.first != y.first ? x.first < y.first : x.second < y.second;
  });
  result_.overlaps.reserve(joined.pairs.size());
  for (const ScoredPair& pair : joined.pairs) {
    OverlapKind kind =
        pair.score >= options.duplicate_threshold ? OverlapKind::kDuplicate : OverlapKind::kRelated;
    result_.overlaps.push_back({kind, pair.score, pair.first, pair.second, {}});
  }
  std::vector<ScoredPair>().swap(joined.pairs);

  for (const ScoredPair& pair : joined.within_pairs) {
    const Duty& earlier = model.duties[pair.first];
    const Duty& later = model.duties[pair.second];
    result_.findings.push_back(
        {Severity::kWarning, "near-duplicate-in-role", later.source,
         fmt::format("duty \"{}\" nearly repeats \"{}\" ({}) of the same role {} (score {:.3f})", later.text,
                     earlier.text, earlier.source.to_string(), model.roles[later.role].name, pair.score)});
  }

  if (result_.found > result_.overlaps.size()) {
    result_.findings.push_back(
        {Severity::kInfo,
         "overlaps-capped",
         {model.source_file, 0, 0},
         fmt::format("kept the {} strongest overlaps of each duty: {} of {} pairs scoring {:.2f} or more are "
                     "left out (--max-overlaps-per-duty)",
                     options.max_per_duty, result_.found - result_.overlaps.size(), result_.found,
                     options.related_threshold)});
  }
}

void OverlapSearch::explain(std::vector<Overlap>& overlaps) {
  auto scored = [&](std::size_t duty) {
    return ScoredText{model_.duties[duty].text, vectors_.texts[duty], vectors_.vectors[duty]};
  };
  // Overlaps in chunks, whoever comes first; each is explained once, the same on any thread.
  constexpr std::size_t kChunk = 64;
  for (std::size_t first = next_.fetch_add(kChunk); first < overlaps.size();
       first = next_.fetch_add(kChunk)) {
    for (std::size_t i = first; i < std::min(overlaps.size(), first + kChunk); ++i) {
      Overlap& overlap = overlaps[i];
      overlap.shared_terms = shared_terms(scored(overlap.duty_a), scored(overlap.duty_b));
    }
  }
}

}  // namespace raci
