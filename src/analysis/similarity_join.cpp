#include "analysis/similarity_join.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <span>
#include <stdexcept>
#include <thread>

#include "analysis/similarity.h"

namespace raci {

namespace {

// Slack on every bound and estimate: the index keeps weights and sums as floats (relative
// error 6e-8 each, so an estimated dot product of a dozen terms is within 1e-6 of the
// true one), and a bound must never drop a pair that cosine() would keep.
constexpr double kSlack = 1e-5;

// Below this many texts one thread does it all: starting threads would cost more.
constexpr std::size_t kMinTextsPerThread = 2048;
// Texts are dealt to threads in chunks, round-robin; a later text probes more partners.
constexpr std::size_t kChunk = 256;

struct Feature {
  std::uint32_t rank;  // position of the term in the order of falling document frequency
  double weight;
};

struct Posting {
  std::uint32_t text;
  float weight;
  float commoner;  // norm of the text's terms commoner than this one: what it may share after it
};

// What the check of a candidate needs, in one cache line: the first few terms of the prefix
// it leaves out of the index (the rest, rarely any, stay in Index::features).
constexpr std::size_t kInlinePrefix = 7;
constexpr std::size_t kShortPrefix = 4;
struct RankedWeight {
  std::uint32_t rank;
  float weight;
};
struct alignas(64) TextSlot {
  std::uint32_t prefix_size = 0;
  RankedWeight prefix[kInlinePrefix];
};

// The vectors three ways: by term rank (commonest first) to probe with and for the prefixes
// left out of the index; by term id for cosine(); and the inverted index of the rest.
struct Index {
  std::vector<std::size_t> feature_begin;    // text -> first feature; n + 1 entries
  std::vector<Feature> features;             // per text, by rank
  std::vector<std::uint32_t> groups;         // text -> group
  std::vector<TextSlot> slots;               // text -> the prefix it leaves out of the index
  std::vector<std::size_t> entry_begin;      // text -> first entry; n + 1 entries
  std::vector<SparseVector::Entry> entries;  // per text, by term id: a copy close at hand
  std::vector<std::size_t> posting_begin;    // rank -> first posting; ranks + 1 entries
  std::vector<Posting> postings;             // per rank, by text
  std::size_t ranks = 0;
};

Index build_index(const std::vector<SparseVector>& vectors, const std::vector<std::size_t>& groups,
                  double threshold) {
  Index index;
  std::uint32_t terms = 0;
  for (const SparseVector& vector : vectors) {
    for (const SparseVector::Entry& entry : vector.entries) terms = std::max(terms, entry.term + 1);
  }
  std::vector<std::size_t> frequency(terms, 0);
  std::vector<double> heaviest(terms, 0);  // term -> its largest weight in any text
  for (const SparseVector& vector : vectors) {
    for (const SparseVector::Entry& entry : vector.entries) {
      ++frequency[entry.term];
      heaviest[entry.term] = std::max(heaviest[entry.term], entry.weight);
    }
  }
  std::vector<std::uint32_t> order(terms);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return frequency[a] > frequency[b]; });
  std::vector<std::uint32_t> rank_of(terms);
  for (std::uint32_t r = 0; r < terms; ++r) rank_of[order[r]] = r;
  index.ranks = terms;

  const std::size_t n = vectors.size();
  index.feature_begin.resize(n + 1, 0);
  index.entry_begin.resize(n + 1, 0);
  index.slots.resize(n);
  std::vector<std::size_t> posting_count(terms + 1, 0);
  for (std::size_t t = 0; t < n; ++t) {
    index.feature_begin[t] = index.features.size();
    index.entry_begin[t] = index.entries.size();
    index.entries.insert(index.entries.end(), vectors[t].entries.begin(), vectors[t].entries.end());
    for (const SparseVector::Entry& entry : vectors[t].entries) {
      index.features.push_back({rank_of[entry.term], entry.weight});
    }
    auto first = index.features.begin() + static_cast<std::ptrdiff_t>(index.feature_begin[t]);
    std::sort(first, index.features.end(),
              [](const Feature& a, const Feature& b) { return a.rank < b.rank; });
    // The longest prefix of common terms a partner sharing nothing else cannot reach the
    // threshold with: bounded by the prefix's norm (Cauchy-Schwarz) and by its weights
    // times each term's heaviest weight anywhere (All-Pairs).
    double square = 0;
    double heaviest_dot = 0;
    std::uint32_t prefix = 0;
    for (auto it = first; it != index.features.end(); ++it) {
      square += it->weight * it->weight;
      heaviest_dot += it->weight * heaviest[order[it->rank]];
      if (!(std::min(std::sqrt(square), heaviest_dot) < threshold - kSlack)) break;
      ++prefix;
    }
    TextSlot& slot = index.slots[t];
    index.groups.push_back(static_cast<std::uint32_t>(groups[t]));
    slot.prefix_size = prefix;
    for (std::uint32_t p = 0; p < kInlinePrefix; ++p) {
      // Past the prefix, a term no text has, weighing nothing: a probe may add them all.
      slot.prefix[p] = p < prefix ? RankedWeight{first[p].rank, static_cast<float>(first[p].weight)}
                                  : RankedWeight{terms, 0.0F};
    }
    for (auto it = first + prefix; it != index.features.end(); ++it) ++posting_count[it->rank];
  }
  index.feature_begin[n] = index.features.size();
  index.entry_begin[n] = index.entries.size();

  index.posting_begin.resize(terms + 1, 0);
  for (std::size_t r = 0; r < terms; ++r)
    index.posting_begin[r + 1] = index.posting_begin[r] + posting_count[r];
  index.postings.resize(index.posting_begin[terms]);
  std::vector<std::size_t> next(index.posting_begin.begin(), index.posting_begin.end() - 1);
  for (std::size_t t = 0; t < n; ++t) {
    double square = 0;
    for (std::size_t f = index.feature_begin[t]; f < index.feature_begin[t + 1]; ++f) {
      const Feature& feature = index.features[f];
      if (f >= index.feature_begin[t] + index.slots[t].prefix_size) {
        index.postings[next[feature.rank]++] = {static_cast<std::uint32_t>(t),
                                                static_cast<float>(feature.weight),
                                                static_cast<float>(std::sqrt(square))};
      }
      square += feature.weight * feature.weight;
    }
  }
  return index;
}

// A partner of a text and their score.
struct Partner {
  double score;
  std::uint32_t text;
};

// The stronger of two partners: higher score, then the lower index.
struct Stronger {
  bool operator()(const Partner& a, const Partner& b) const {
    return a.score != b.score ? a.score > b.score : a.text < b.text;
  }
};
constexpr Stronger stronger;

// The strongest partners of every text, at most `capacity` each, the weakest kept first:
// a heap per text, or for a few partners a plain list.
constexpr std::size_t kLinearCapacity = 16;
class BestPartners {
 public:
  BestPartners(std::size_t texts, std::size_t capacity)
      : capacity_(capacity),
        sizes_(texts, 0),
        floors_(texts, -std::numeric_limits<float>::infinity()),
        partners_(texts * capacity) {}

  // The score a new partner must reach to be kept; -infinity while there is room.
  double floor(std::uint32_t text) const { return floors_[text]; }

  // At most `score`: a float rounded down, so comparisons with it never prune too much.
  static float at_most(double score) {
    float rounded = static_cast<float>(score);
    return rounded > score ? std::nextafter(rounded, -std::numeric_limits<float>::infinity()) : rounded;
  }

  void offer(std::uint32_t text, Partner partner) {
    auto first = partners_.begin() + static_cast<std::ptrdiff_t>(text * capacity_);
    std::uint32_t& size = sizes_[text];
    if (capacity_ > kLinearCapacity) {
      if (size < capacity_) {
        first[size++] = partner;
        std::push_heap(first, first + size, stronger);
      } else if (stronger(partner, first[0])) {
        std::pop_heap(first, first + size, stronger);
        first[size - 1] = partner;
        std::push_heap(first, first + size, stronger);
      }
    } else {
      // A few partners: the weakest kept first, found again by a scan after each change.
      if (size < capacity_) {
        first[size++] = partner;
      } else if (stronger(partner, first[0])) {
        first[0] = partner;
      } else {
        return;
      }
      if (size < capacity_) return;
      auto weakest = first;
      for (auto it = first + 1; it != first + size; ++it) {
        if (stronger(*weakest, *it)) weakest = it;
      }
      std::iter_swap(first, weakest);
    }
    if (size == capacity_) floors_[text] = at_most(first[0].score);
  }

  // The partners kept for `text`, in no particular order.
  std::pair<const Partner*, const Partner*> of(std::uint32_t text) const {
    const Partner* first = partners_.data() + text * capacity_;
    return {first, first + sizes_[text]};
  }

 private:
  std::size_t capacity_;
  std::vector<std::uint32_t> sizes_;
  std::vector<float> floors_;  // dense, as every probe looks at it
  std::vector<Partner> partners_;
};

// The texts met by a probe are taken a window at a time, so that the accumulators and slots
// of the window stay in the processor's caches while every later text probes it.
constexpr std::size_t kWindow = 4096;

// Where each posting list enters the current window: the first posting of a text at or past
// the window's start. Read-only while the window is probed.
class Cursors {
 public:
  explicit Cursors(const Index& index)
      : index_(index), at_(index.posting_begin.begin(), index.posting_begin.end() - 1) {}

  const Posting* at(std::uint32_t rank) const { return index_.postings.data() + at_[rank]; }

  // Moves every cursor past the texts before `start`.
  void advance_to(std::uint32_t start) {
    for (std::size_t rank = 0; rank < at_.size(); ++rank) {
      std::size_t& at = at_[rank];
      const std::size_t end = index_.posting_begin[rank + 1];
      while (at < end && index_.postings[at].text < start) ++at;
    }
  }

 private:
  const Index& index_;
  std::vector<std::size_t> at_;
};

// The score a pair of texts of the same group, and one of different groups, must reach to be
// found; +infinity for pairs not asked for.
struct JoinThresholds {
  double same;
  double other;

  explicit JoinThresholds(const JoinOptions& options) {
    constexpr double kNone = std::numeric_limits<double>::infinity();
    if (options.scope == PairScope::kWithinGroup) {
      same = options.threshold;
      other = kNone;
    } else {
      same = options.within_threshold.value_or(kNone);
      other = options.threshold;
    }
  }
  double lowest() const { return std::min(same, other); }
};

// One thread's share of the probes: every text probes the texts of the window before it, so
// each pair is met once.
class alignas(64) Prober {
 public:
  Prober(const Index& index, const JoinOptions& options, JoinThresholds thresholds)
      : index_(index),
        options_(options),
        thresholds_(thresholds),
        accumulated_(kWindow, {kUnseen, 0}),
        touched_(kWindow + 1),  // one past the last candidate is written, and not counted
        probe_weight_(index.ranks + 1, 0) {
    if (options.max_per_text > 0) best_.emplace(index.slots.size(), options.max_per_text);
  }

  // Starts on the window of texts [first, last).
  void open_window(std::uint32_t first, std::uint32_t last) {
    first_ = first;
    last_ = last;
    for (std::uint32_t y = first; y < last; ++y) accumulated_[y - first] = {kUnseen, index_.groups[y]};
  }

  // Probes the window with text x, for partners before x.
  void probe(std::uint32_t x, const Cursors& cursors);

  std::vector<ScoredPair>& pairs() { return pairs_; }
  std::vector<ScoredPair>& within_pairs() { return within_pairs_; }
  const std::optional<BestPartners>& best() const { return best_; }
  std::size_t found() const { return found_; }

 private:
  // In accumulated_: not a candidate. Dot products are >= 0, and a product added to it
  // leaves it as it is (it is far beyond a float's precision at that magnitude).
  static constexpr float kUnseen = -1e30F;
  static constexpr std::uint32_t kLiftBits = std::bit_cast<std::uint32_t>(-kUnseen);

  void consider(std::uint32_t y, std::uint32_t x, double estimate);
  double score(std::uint32_t y, std::uint32_t x) const {
    const SparseVector::Entry* entries = index_.entries.data();
    return cosine(std::span(entries + index_.entry_begin[y], entries + index_.entry_begin[y + 1]),
                  std::span(entries + index_.entry_begin[x], entries + index_.entry_begin[x + 1]));
  }

  const Index& index_;
  const JoinOptions& options_;
  JoinThresholds thresholds_;
  std::uint32_t first_ = 0;  // the window: texts [first_, last_)
  std::uint32_t last_ = 0;
  // A text's dot product over its indexed terms so far (kUnseen when not a candidate), and
  // its group beside it: the scan looks at both, one cache line. By text - first_.
  struct Accumulator {
    float sum;
    std::uint32_t group;
  };
  std::vector<Accumulator> accumulated_;
  std::vector<std::uint32_t> touched_;  // the candidates of the probing text, by text - first_
  std::vector<double> probe_weight_;    // rank -> weight in the probing text, 0 elsewhere
  std::vector<double> commoner_;        // the probing text's norm before each of its features
  std::optional<BestPartners> best_;
  std::vector<ScoredPair> pairs_;
  std::vector<ScoredPair> within_pairs_;  // JoinOptions::within_threshold's, with kAcrossGroups
  std::size_t found_ = 0;
};

void Prober::probe(std::uint32_t x, const Cursors& cursors) {
  const std::size_t begin = index_.feature_begin[x];
  const std::size_t end = index_.feature_begin[x + 1];
  if (begin == end) return;
  // What a partner of the same group and one of another group must reach; +infinity for
  // the pairs not asked for.
  const double reach_same = thresholds_.same - kSlack;
  const double reach_other = thresholds_.other - kSlack;
  const double reach = std::min(reach_same, reach_other);
  const std::uint32_t group = index_.groups[x];
  const std::uint32_t limit = std::min(x, last_);  // partners come before x
  commoner_.clear();
  std::size_t candidates = 0;  // in touched_
  double square = 0;
  for (std::size_t f = begin; f < end; ++f) {
    const Feature& feature = index_.features[f];
    probe_weight_[feature.rank] = feature.weight;
    commoner_.push_back(std::sqrt(square));
    square += feature.weight * feature.weight;
  }

  // Rarest term first. A partner first met at a term shares none of the rarer ones (it
  // would have been met there), so it scores at most this term's product plus the norms of
  // the commoner terms of both texts multiplied; below the threshold it is no pair. Met
  // again at a commoner term it may pass that test, but then its estimate below misses the
  // first product and stays below the threshold, as its score does. Once this text's own
  // norm from here on is below the threshold, nobody new can make it.
  for (std::size_t f = end; f-- > begin;) {
    const Feature& feature = index_.features[f];
    const double before = commoner_[f - begin];
    const bool admit = std::sqrt(before * before + feature.weight * feature.weight) >= reach;
    const Posting* posting = cursors.at(feature.rank);
    const Posting* last = index_.postings.data() + index_.posting_begin[feature.rank + 1];
    // Without branches: which way each test goes is a coin toss the predictor cannot learn.
    const float weight = static_cast<float>(feature.weight);
    const float before_weight = static_cast<float>(before);
    // Past the last admitting term, no bound reaches.
    constexpr float kNever = std::numeric_limits<float>::infinity();
    const float reach_same_weight = admit ? static_cast<float>(reach_same) : kNever;
    const float reach_other_weight = admit ? static_cast<float>(reach_other) : kNever;
    Accumulator* sums = accumulated_.data();
    std::uint32_t* touched = touched_.data();
    const std::uint32_t first = first_;  // in a register, though the loop stores through pointers
    for (; posting != last && posting->text < limit; ++posting) {
      const std::uint32_t y = posting->text - first;
      const float product = weight * posting->weight;
      Accumulator& accumulator = sums[y];
      const float sum = accumulator.sum;
      const float need = accumulator.group == group ? reach_same_weight : reach_other_weight;
      const bool fresh = (sum < 0) & (product + before_weight * posting->commoner >= need);
      // A candidate's sum gains the product, and so does kUnseen, which stays as it is; a
      // fresh candidate's is first lifted by -kUnseen, to exactly 0.
      const float lift = std::bit_cast<float>(kLiftBits & (0U - static_cast<std::uint32_t>(fresh)));
      accumulator.sum = (sum + lift) + product;
      touched[candidates] = y;
      candidates += fresh;
    }
  }

  // Every shared indexed term is accumulated; add the ones y left out of the index.
  constexpr std::size_t kAhead = 8;  // slots asked for this many candidates ahead
  const bool counting = best_.has_value();
  const bool across = options_.scope == PairScope::kAcrossGroups;
  const double counted_from = options_.threshold + kSlack;
  const double floor_x = counting ? best_->floor(x) : 0;
  for (std::size_t c = 0; c < candidates; ++c) {
    if (c + kAhead < candidates) __builtin_prefetch(&index_.slots[first_ + touched_[c + kAhead]]);
    const std::uint32_t y = first_ + touched_[c];
    double estimate = accumulated_[touched_[c]].sum;
    const TextSlot& slot = index_.slots[y];
    const auto& prefix = slot.prefix;
    const double* weights = probe_weight_.data();
    // Most prefixes are short: a fixed number of terms, padded, costs less than a loop
    // whose length the processor cannot predict.
    if (slot.prefix_size <= kShortPrefix) {
      static_assert(kShortPrefix == 4);
      const double left = prefix[0].weight * weights[prefix[0].rank] + prefix[1].weight * weights[prefix[1].rank];
      const double right = prefix[2].weight * weights[prefix[2].rank] + prefix[3].weight * weights[prefix[3].rank];
      estimate += left + right;
    } else {
      const std::size_t inline_size = std::min<std::size_t>(slot.prefix_size, kInlinePrefix);
      for (std::size_t p = 0; p < inline_size; ++p) {
        estimate += static_cast<double>(prefix[p].weight) * weights[prefix[p].rank];
      }
      for (std::size_t p = inline_size; p < slot.prefix_size; ++p) {
        const Feature& feature = index_.features[index_.feature_begin[y] + p];
        estimate += feature.weight * probe_weight_[feature.rank];
      }
    }
    if (estimate >= reach) {
      // Most pairs met are only counted: in scope, surely at the threshold, and too weak for
      // either text to keep (see consider()).
      const bool counted = counting && (accumulated_[touched_[c]].group != group) == across &&
                           estimate >= counted_from && estimate + kSlack < floor_x &&
                           estimate + kSlack < best_->floor(y);
      if (counted) {
        ++found_;
      } else {
        consider(y, x, estimate);
      }
    }
    accumulated_[touched_[c]].sum = kUnseen;
  }
  for (std::size_t f = begin; f < end; ++f) probe_weight_[index_.features[f].rank] = 0;
}

void Prober::consider(std::uint32_t y, std::uint32_t x, double estimate) {
  const bool same = index_.groups[y] == index_.groups[x];
  if (same != (options_.scope == PairScope::kWithinGroup)) {
    // Out of scope: a pair of the same group, asked for by within_threshold.
    if (estimate < thresholds_.same - kSlack) return;
    double exact = score(y, x);
    if (exact >= thresholds_.same) within_pairs_.push_back({y, x, exact});
    return;
  }
  const double threshold = options_.threshold;
  if (estimate < threshold - kSlack) return;
  if (!best_) {
    double exact = score(y, x);
    if (exact >= threshold) {
      ++found_;
      pairs_.push_back({y, x, exact});
    }
    return;
  }
  // The estimate is within kSlack of the exact score: only a pair that may be kept, or
  // that may fall either side of the threshold, needs cosine().
  const double most = estimate + kSlack;
  const bool may_keep = most >= best_->floor(x) || most >= best_->floor(y);
  if (!may_keep && estimate - kSlack >= threshold) {
    ++found_;
    return;
  }
  double exact = score(y, x);
  if (exact < threshold) return;
  ++found_;
  if (may_keep) {
    best_->offer(x, {exact, y});
    best_->offer(y, {exact, x});
  }
}

}  // namespace

JoinResult similarity_join(const std::vector<SparseVector>& vectors, const std::vector<std::size_t>& groups,
                           const JoinOptions& options) {
  if (vectors.size() != groups.size()) throw std::invalid_argument("similarity_join: one group per vector");
  if (vectors.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::invalid_argument("similarity_join: too many texts");
  const std::size_t n = vectors.size();
  const JoinThresholds thresholds(options);
  Index index = build_index(vectors, groups, thresholds.lowest());

  unsigned threads = options.threads;
  if (threads == 0) {
    threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    threads = static_cast<unsigned>(std::clamp<std::size_t>(n / kMinTextsPerThread, 1, threads));
  }

  std::vector<Prober> probers;
  probers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) probers.emplace_back(index, options, thresholds);
  // Window by window; in each, the texts from the window's start on probe it, dealt to the
  // threads in chunks. The work done grows with the square of the windows done.
  Cursors cursors(index);
  const std::size_t windows = (n + kWindow - 1) / kWindow;
  for (std::size_t w = 0; w < windows; ++w) {
    const auto first = static_cast<std::uint32_t>(w * kWindow);
    const auto last = static_cast<std::uint32_t>(std::min(n, (w + 1) * kWindow));
    cursors.advance_to(first);
    auto work = [&](unsigned t) {
      probers[t].open_window(first, last);
      for (std::size_t chunk = first + 1 + t * kChunk; chunk < n; chunk += threads * kChunk) {
        for (std::size_t x = chunk; x < std::min(n, chunk + kChunk); ++x) {
          probers[t].probe(static_cast<std::uint32_t>(x), cursors);
        }
      }
    };
    std::vector<std::thread> running;
    for (unsigned t = 1; t < threads; ++t) running.emplace_back(work, t);
    work(0);
    for (std::thread& thread : running) thread.join();
    if (options.progress) {
      double left = static_cast<double>(n - last) / static_cast<double>(n);
      options.progress(1 - left * left);
    }
  }

  JoinResult result;
  for (Prober& prober : probers) {
    result.found += prober.found();
    result.within_pairs.insert(result.within_pairs.end(), prober.within_pairs().begin(),
                               prober.within_pairs().end());
  }
  auto in_order = [](const ScoredPair& a, const ScoredPair& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  };
  std::sort(result.within_pairs.begin(), result.within_pairs.end(), in_order);
  if (options.max_per_text == 0) {
    for (Prober& prober : probers) {
      result.pairs.insert(result.pairs.end(), prober.pairs().begin(), prober.pairs().end());
      std::vector<ScoredPair>().swap(prober.pairs());
    }
  } else {
    // The strongest partners of each text over every thread's, then each pair once.
    std::vector<Partner> partners;
    for (std::uint32_t text = 0; text < n; ++text) {
      partners.clear();
      for (const Prober& prober : probers) {
        auto [first, last] = prober.best()->of(text);
        partners.insert(partners.end(), first, last);
      }
      std::size_t keep = std::min(partners.size(), options.max_per_text);
      std::partial_sort(partners.begin(), partners.begin() + static_cast<std::ptrdiff_t>(keep),
                        partners.end(), stronger);
      for (std::size_t p = 0; p < keep; ++p) {
        const Partner& partner = partners[p];
        result.pairs.push_back({std::min(text, partner.text), std::max(text, partner.text), partner.score});
      }
    }
  }
  probers.clear();
  std::sort(result.pairs.begin(), result.pairs.end(), in_order);
  result.pairs.erase(std::unique(result.pairs.begin(), result.pairs.end()), result.pairs.end());
  return result;
}

}  // namespace raci
