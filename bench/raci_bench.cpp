// The overlap search's stages on a synthetic catalogue written like ../shared/bench/gen_catalog.py
// writes it: "Verb the pseudo-word object qualifier", a thousand duties per ten roles.
//   cmake -S . -B build-bench -DRACI_BENCH=ON && cmake --build build-bench -j2 --target raci_bench
//   build-bench/bench/raci_bench --benchmark_filter=Join
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "analysis/similarity_join.h"
#include "analysis/term_vectors.h"
#include "analysis/terms.h"
#include "analysis/tokenizer.h"
#include "reading/lexicon_loader.h"

namespace raci {
namespace {

const char* const kVerbs[] = {
    "assess",   "validate", "hire",    "interview",  "coach",      "mentor",   "review",      "plan",
    "track",    "report",   "align",   "coordinate", "facilitate", "lead",     "own",         "define",
    "maintain", "improve",  "monitor", "document",   "prioritise", "estimate", "communicate", "negotiate",
    "approve",  "audit",    "design",  "implement",  "test",       "deploy",   "operate",     "secure",
    "budget",   "forecast", "present", "escalate"};
const char* const kObjects[] = {"hiring plan",
                                "candidate pipeline",
                                "interview loop",
                                "onboarding checklist",
                                "career ladder",
                                "promotion packet",
                                "performance review",
                                "development plan",
                                "one-on-one cadence",
                                "team health survey",
                                "product strategy",
                                "product roadmap",
                                "quarterly objectives",
                                "release scope",
                                "sprint backlog",
                                "retrospective actions",
                                "delivery risks",
                                "incident postmortems",
                                "on-call rotation",
                                "error budget",
                                "technical debt backlog",
                                "architecture decisions",
                                "design documents",
                                "code review standards",
                                "testing strategy",
                                "build pipeline",
                                "deployment process",
                                "security posture",
                                "capacity model",
                                "cloud cost report",
                                "vendor contracts",
                                "headcount plan",
                                "stakeholder updates",
                                "customer escalations",
                                "documentation site",
                                "tech talks",
                                "data retention policy",
                                "privacy reviews",
                                "compliance evidence",
                                "analytics dashboards",
                                "feature flags",
                                "migration plan",
                                "api versioning",
                                "quality metrics",
                                "decision log",
                                "risk register",
                                "acceptance criteria",
                                "user research findings"};
const char* const kQualifiers[] = {"for the squad",         "across squads",       "with product management",
                                   "with the design team",  "for leadership",      "every quarter",
                                   "every sprint",          "before each release", "with the platform group",
                                   "for new joiners",       "with finance",        "with security",
                                   "for regulated markets", "on a monthly basis",  "with external partners",
                                   "for mobile and web"};

template <typename T, std::size_t N>
const char* pick(std::mt19937& random, const T (&list)[N]) {
  return list[random() % N];
}

// `count` duties in ten-role groups, deterministic.
struct Catalogue {
  std::vector<std::string> texts;
  std::vector<std::size_t> roles;
};

Catalogue make_catalogue(std::size_t count) {
  std::mt19937 random(7);
  const char* syllables[] = {"ba", "do", "fi", "gu", "ke", "la", "mo",
                             "ni", "pu", "ra", "se", "ti", "vo", "za"};
  std::vector<std::string> pseudo;
  for (int i = 0; i < 2000; ++i) {
    pseudo.push_back(std::string(pick(random, syllables)) + pick(random, syllables) +
                     pick(random, syllables));
  }
  Catalogue out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string verb = pick(random, kVerbs);
    verb[0] = static_cast<char>(verb[0] - 'a' + 'A');
    out.texts.push_back(verb + " the " + pseudo[random() % pseudo.size()] + " " + pick(random, kObjects) +
                        " " + pick(random, kQualifiers));
    out.roles.push_back(i / 100);
  }
  return out;
}

const Catalogue& catalogue(std::size_t count) {
  static std::vector<std::pair<std::size_t, Catalogue>> made;
  for (const auto& [size, made_one] : made) {
    if (size == count) return made_one;
  }
  return made.emplace_back(count, make_catalogue(count)).second;
}

std::vector<TermsOfText> extract_all(const Catalogue& texts) {
  TermExtractor extractor(embedded_lexicon());
  std::vector<TermsOfText> out;
  out.reserve(texts.texts.size());
  for (const std::string& text : texts.texts) out.push_back(extractor.extract(text));
  return out;
}

void BM_Tokenize(benchmark::State& state) {
  const Catalogue& texts = catalogue(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    for (const std::string& text : texts.texts) benchmark::DoNotOptimize(tokenize(text));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.texts.size()));
}
BENCHMARK(BM_Tokenize)->Arg(10'000)->Unit(benchmark::kMillisecond);

void BM_ExtractTerms(benchmark::State& state) {
  const Catalogue& texts = catalogue(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(extract_all(texts));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.texts.size()));
}
BENCHMARK(BM_ExtractTerms)->Arg(10'000)->Unit(benchmark::kMillisecond);

// TF-IDF vectors: the vocabulary and its document frequencies, the index of the terms.
void BM_IndexTermVectors(benchmark::State& state) {
  const Catalogue& texts = catalogue(static_cast<std::size_t>(state.range(0)));
  std::vector<TermsOfText> terms = extract_all(texts);
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<TermsOfText> copy = terms;
    state.ResumeTiming();
    benchmark::DoNotOptimize(build_term_vectors(std::move(copy), 0.3));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.texts.size()));
}
BENCHMARK(BM_IndexTermVectors)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// The similarity join across roles at the default related threshold, capped at 10 per
// duty as `raci export` does, on 1 and 2 threads.
void BM_Join(benchmark::State& state) {
  const Catalogue& texts = catalogue(static_cast<std::size_t>(state.range(0)));
  TermVectors vectors = build_term_vectors(extract_all(texts), 0.3);
  JoinOptions options;
  options.threshold = 0.2;
  options.max_per_text = 10;
  options.threads = static_cast<unsigned>(state.range(1));
  std::size_t pairs = 0;
  for (auto _ : state) pairs = similarity_join(vectors.vectors, texts.roles, options).pairs.size();
  state.counters["pairs"] = static_cast<double>(pairs);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.texts.size()));
}
BENCHMARK(BM_Join)
    ->Args({10'000, 1})
    ->Args({10'000, 2})
    ->Args({100'000, 1})
    ->Args({100'000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace raci

BENCHMARK_MAIN();
