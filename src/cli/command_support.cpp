#include "cli/command_support.h"

#include <fmt/format.h>

#include "cli/commands.h"
#include "reading/input.h"
#include "reading/lexicon_loader.h"
#include "reading/policy_loader.h"

namespace raci {

namespace po = boost::program_options;

std::vector<Model> load_models(const po::variables_map& values, const std::string& command) {
  if (!values.count("inputs")) throw UsageError(command, "no input given: name a role page, a YAML matrix or a folder");
  std::vector<Model> models;
  std::vector<ReplacedPage> replaced;
  for (const std::string& path : expand_inputs(values["inputs"].as<std::vector<std::string>>(), &replaced)) {
    models.push_back(load_input(path));
    for (const ReplacedPage& page : replaced) {
      if (page.yaml == path) models.back().findings.push_back(replaced_page_finding(page));
    }
  }
  return models;
}

void add_analysis_options(po::options_description& options) {
  options.add_options()("policy", po::value<std::string>()->value_name("FILE"),
                        "assignment policy (YAML, like src/data/policy.yaml) replacing the matrix's and the "
                        "built-in one")("lexicon", po::value<std::string>()->value_name("FILE"),
                                        "extra synonyms and phrases (YAML, like src/data/lexicon.yaml)")(
      "related-threshold", po::value<double>()->value_name("SCORE"),
      "score from which two duties of different roles are `related` (0..1)")(
      "duplicate-threshold", po::value<double>()->value_name("SCORE"),
      "score from which two duties are the same duty, `duplicate` (0..1)")(
      "max-overlaps-per-duty", po::value<std::size_t>()->value_name("N"),
      fmt::format("keep the N strongest overlaps of each duty (default {}, 0 keeps all)",
                  kDefaultMaxOverlapsPerDuty)
          .c_str());
}

AnalysisOptions analysis_options(const po::variables_map& values, const std::string& command) {
  AnalysisOptions options;
  if (values.count("policy")) {
    std::string path = values["policy"].as<std::string>();
    std::vector<Finding> ignored;
    options.policy = load_policy_file(decode_input_text(read_input_file(path), path, ignored), path);
  }
  if (values.count("lexicon")) {
    std::string path = values["lexicon"].as<std::string>();
    std::vector<Finding> ignored;
    options.lexicon = load_lexicon_file(decode_input_text(read_input_file(path), path, ignored), path);
  }
  for (const char* name : {"related-threshold", "duplicate-threshold"}) {
    if (!values.count(name)) continue;
    double value = values[name].as<double>();
    if (!(value > 0 && value <= 1)) {
      throw UsageError(command, fmt::format("--{} must be a score above 0 and at most 1, not {}", name, value));
    }
    (std::string_view(name) == "related-threshold" ? options.related : options.duplicate) = value;
  }
  if (values.count("max-overlaps-per-duty")) {
    options.max_overlaps_per_duty = values["max-overlaps-per-duty"].as<std::size_t>();
  }
  if (options.related && options.duplicate && *options.duplicate < *options.related) {
    throw UsageError(command, fmt::format("--duplicate-threshold {} is below --related-threshold {}",
                                          *options.duplicate, *options.related));
  }
  return options;
}

std::vector<std::string> input_files(const std::vector<Model>& models) {
  std::vector<std::string> files;
  for (const Model& model : models) files.push_back(model.source_file);
  return files;
}

}  // namespace raci
