#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/command_support.h"
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "model/matrix.h"
#include "reading/input.h"
#include "writing/findings_csv.h"
#include "writing/matrix_csv.h"
#include "writing/output_file.h"

namespace raci {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

struct Formats {
  bool csv = false;
};

Formats parse_formats(const std::string& list) {
  Formats formats;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    std::string name = list.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (name == "csv") {
      formats.csv = true;
    } else {
      throw UsageError("export", fmt::format("unknown format \"{}\" in --format: expected csv", name));
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return formats;
}

}  // namespace

int run_export(const CommandContext& context) {
  po::options_description options;
  options.add_options()("output,o", po::value<std::string>()->default_value("output")->value_name("DIR"),
                        "folder to write into (created if missing)")(
      "format,f", po::value<std::string>()->default_value("csv")->value_name("LIST"),
      "comma-separated formats to write: csv");
  po::positional_options_description positional;
  positional.add("inputs", -1);
  po::variables_map values;
  if (!parse_command_line(context, "export", "raci export INPUT... [-o DIR] [--format LIST]",
                          "Reads each role page or YAML matrix and writes, for input x.md or x.yaml:\n"
                          "  DIR/x.matrix.csv    id,area,duty and one column of letters per role\n"
                          "  DIR/x.findings.csv  severity,code,location,message\n"
                          "Every input is read before anything is written; files are replaced atomically.\n"
                          "example: raci export matrices/ -o output",
                          options, positional, values)) {
    return kExitSuccess;
  }
  Formats formats = parse_formats(values["format"].as<std::string>());
  std::vector<Model> models = load_models(values, "export");
  std::string dir = values["output"].as<std::string>();

  // Two inputs with one stem would write the same files.
  std::map<std::string, std::string> stems;
  std::vector<std::string> inputs;
  for (const Model& model : models) {
    auto [it, fresh] = stems.emplace(input_stem(model.source_file), model.source_file);
    if (!fresh) {
      throw UsageError("export", fmt::format("{} and {} would both write {}/{}.*", it->second,
                                             model.source_file, dir, it->first));
    }
    inputs.push_back(model.source_file);
  }

  ensure_output_folder(dir);
  for (const Model& model : models) {
    std::string base = (fs::path(dir) / input_stem(model.source_file)).string();
    if (formats.csv) {
      Matrix matrix = build_matrix(model);
      std::vector<std::pair<std::string, std::string>> files = {
          {base + ".matrix.csv", write_matrix_csv(matrix)},
          {base + ".findings.csv", write_findings_csv(model.findings)},
      };
      for (const auto& [path, content] : files) refuse_to_overwrite_inputs(path, inputs);
      for (const auto& [path, content] : files) write_file_atomically(path, content);
      fmt::print(context.err, "raci: {}: {} duties, {} roles, {} findings -> {}.{{matrix,findings}}.csv\n",
                 model.source_file, matrix.rows.size(), matrix.roles.size(), model.findings.size(), base);
    }
  }
  return kExitSuccess;
}

}  // namespace raci
