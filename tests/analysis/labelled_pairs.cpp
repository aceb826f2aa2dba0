#include "labelled_pairs.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace raci::testing {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::vector<std::size_t> matching(const Model& model, const std::string& role, const std::string& prefix) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < model.duties.size(); ++i) {
    const Duty& duty = model.duties[i];
    if (model.roles[duty.role].name == role && lower(duty.text).starts_with(lower(prefix))) out.push_back(i);
  }
  return out;
}

std::string pair_text(const Model& model, std::size_t a, std::size_t b) {
  return fmt::format("{}: {} | {}: {}", model.roles[model.duties[a].role].id, model.duties[a].text,
                     model.roles[model.duties[b].role].id, model.duties[b].text);
}

}  // namespace

std::vector<LabelledPair> read_labels(const std::string& path, const Model& model) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<LabelledPair> labels;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string field; std::getline(split, field, '\t');) fields.push_back(field);
    if (fields.size() != 5) {
      ADD_FAILURE() << path << ":" << number << ": expected 5 tab-separated fields";
      continue;
    }
    std::vector<std::size_t> a = matching(model, fields[1], fields[2]);
    std::vector<std::size_t> b = matching(model, fields[3], fields[4]);
    if (a.size() != 1 || b.size() != 1) {
      ADD_FAILURE() << path << ":" << number << ": a prefix matches " << a.size() << " and " << b.size()
                    << " duties, expected one each";
      continue;
    }
    labels.push_back({fields[0], std::min(a[0], b[0]), std::max(a[0], b[0])});
  }
  return labels;
}

Evaluation evaluate(const std::vector<Overlap>& overlaps, const std::vector<LabelledPair>& labels,
                    const Model& model) {
  Evaluation out;
  std::set<std::pair<std::size_t, std::size_t>> flagged;
  for (const Overlap& overlap : overlaps) flagged.insert({overlap.duty_a, overlap.duty_b});
  std::set<std::pair<std::size_t, std::size_t>> labelled;
  std::size_t wanted = 0;
  std::size_t found = 0;
  out.all_must = true;
  for (const LabelledPair& label : labels) {
    labelled.insert({label.duty_a, label.duty_b});
    if (label.tier == "may") continue;
    ++wanted;
    bool hit = flagged.contains({label.duty_a, label.duty_b});
    found += hit ? 1 : 0;
    if (!hit) {
      out.missed.push_back(label.tier + " " + pair_text(model, label.duty_a, label.duty_b));
      if (label.tier == "must") out.all_must = false;
    }
  }
  std::size_t correct = 0;
  for (const Overlap& overlap : overlaps) {
    if (labelled.contains({overlap.duty_a, overlap.duty_b})) {
      ++correct;
    } else {
      out.false_alarms.push_back(
          fmt::format("{:.3f} {}", overlap.score, pair_text(model, overlap.duty_a, overlap.duty_b)));
    }
  }
  out.flagged = overlaps.size();
  out.recall = wanted == 0 ? 1.0 : static_cast<double>(found) / static_cast<double>(wanted);
  out.precision =
      overlaps.empty() ? 1.0 : static_cast<double>(correct) / static_cast<double>(overlaps.size());
  return out;
}

std::vector<Overlap> plain_tfidf_overlaps(const Model& model, double threshold) {
  std::regex word(R"(\b\w\w+\b)");
  std::vector<std::map<std::string, double>> counts;
  std::map<std::string, double> document_frequency;
  for (const Duty& duty : model.duties) {
    std::string text = lower(duty.text);
    std::map<std::string, double> count;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
      count[it->str()] += 1;
    }
    for (const auto& [term, n] : count) document_frequency[term] += 1;
    counts.push_back(std::move(count));
  }
  double documents = static_cast<double>(model.duties.size());
  for (auto& count : counts) {
    double norm = 0;
    for (auto& [term, weight] : count) {
      weight *= std::log((1 + documents) / (1 + document_frequency[term])) + 1;
      norm += weight * weight;
    }
    for (auto& [term, weight] : count) weight /= std::sqrt(norm);
  }
  std::vector<Overlap> out;
  for (std::size_t a = 0; a < counts.size(); ++a) {
    for (std::size_t b = a + 1; b < counts.size(); ++b) {
      if (model.duties[a].role == model.duties[b].role) continue;
      double score = 0;
      for (const auto& [term, weight] : counts[a]) {
        auto other = counts[b].find(term);
        if (other != counts[b].end()) score += weight * other->second;
      }
      if (score >= threshold) out.push_back({OverlapKind::kRelated, score, a, b, {}});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Overlap& x, const Overlap& y) { return x.score > y.score; });
  return out;
}

std::string describe(const Evaluation& evaluation) {
  std::string out = fmt::format("recall {:.2f}, precision {:.2f}, {} flagged\n", evaluation.recall,
                                evaluation.precision, evaluation.flagged);
  for (const std::string& missed : evaluation.missed) out += "  missed: " + missed + "\n";
  for (const std::string& alarm : evaluation.false_alarms) out += "  false alarm: " + alarm + "\n";
  return out;
}

}  // namespace raci::testing
