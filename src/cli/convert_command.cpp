#include <filesystem>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/command_support.h"
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/terminal.h"
#include "reading/input.h"
#include "writing/finding_line.h"
#include "writing/output_file.h"
#include "writing/yaml_writer.h"

namespace raci {

namespace po = boost::program_options;

int run_convert(const CommandContext& context) {
  po::options_description options;
  options.add_options()("output,o", po::value<std::string>()->value_name("FILE"),
                        "write the YAML matrix to FILE (default: standard output)")(
      "quiet,q", "do not print the findings (repairs) on standard error");
  po::positional_options_description positional;
  positional.add("inputs", -1);
  po::variables_map values;
  if (!parse_command_line(context, "convert", "raci convert INPUT [-o FILE]",
                          "Reads a Markdown role page (or a YAML matrix) and writes it as a YAML matrix,\n"
                          "schema version 1, the file to keep in git and record workshop decisions in.\n"
                          "Repairs made while reading are printed as findings on standard error.\n"
                          "example: raci convert matrices/lead-roles.md -o matrices/lead-roles.yaml",
                          options, positional, values)) {
    return kExitSuccess;
  }
  if (values.count("inputs") && values["inputs"].as<std::vector<std::string>>().size() != 1) {
    throw UsageError("convert", "convert takes exactly one input");
  }
  std::vector<Model> models = load_models(values, "convert");
  if (models.size() != 1)
    throw UsageError("convert", "convert takes exactly one input file, not a folder of several");
  const Model& model = models.front();
  std::string yaml = write_yaml_matrix(model);
  if (values.count("output") && values["output"].as<std::string>() != "-") {
    std::string path = values["output"].as<std::string>();
    refuse_to_overwrite_inputs(path, {model.source_file});
    check_output_file(path);
    remove_leftover_temporaries(std::filesystem::path(path).parent_path().string(),
                                {std::filesystem::path(path).filename().string()});
    write_file_atomically(path, yaml);
  } else {
    context.out << yaml;
  }
  if (!values.count("quiet")) {
    bool color = use_color(stderr);
    for (const Finding& finding : model.findings)
      fmt::print(context.err, "{}\n", format_finding(finding, color));
  }
  return kExitSuccess;
}

}  // namespace raci
