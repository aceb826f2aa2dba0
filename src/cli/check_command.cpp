#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/command_support.h"
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/terminal.h"
#include "writing/finding_line.h"

namespace raci {

namespace po = boost::program_options;

int run_check(const CommandContext& context) {
  po::options_description options;
  options.add_options()("fail-on", po::value<std::string>()->default_value("error")->value_name("LEVEL"),
                        "exit 1 when a finding at or above LEVEL exists: error, warning, info, or never");
  add_analysis_options(options);
  po::positional_options_description positional;
  positional.add("inputs", -1);
  po::variables_map values;
  if (!parse_command_line(context, "check", "raci check INPUT... [--fail-on LEVEL]",
                          "Reads each role page or YAML matrix, analyses it as `analyze` does, and prints\n"
                          "the findings of reading, of the overlap search and of the checks, one per line:\n"
                          "  file:line: severity: message [code]\n"
                          "Exits 1 when a finding at or above --fail-on exists, 0 otherwise.\n"
                          "example: raci check matrices/lead-roles.md --fail-on warning",
                          options, positional, values)) {
    return kExitSuccess;
  }
  std::string fail_on = values["fail-on"].as<std::string>();
  std::optional<Severity> threshold = parse_severity(fail_on);
  if (!threshold && fail_on != "never") {
    throw UsageError(
        "check", fmt::format("invalid --fail-on \"{}\": expected error, warning, info or never", fail_on));
  }
  AnalysisOptions settings = analysis_options(values, "check");
  std::vector<Model> models = load_models(values, "check");
  bool color = use_color(stdout);
  int counts[3] = {0, 0, 0};
  bool failed = false;
  for (const Model& model : models) {
    for (const Finding& finding : analyze(model, settings).findings) {
      fmt::print(context.out, "{}\n", format_finding(finding, color));
      ++counts[static_cast<int>(finding.severity)];
      if (threshold && finding.severity >= *threshold) failed = true;
    }
  }
  auto plural = [](int n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  fmt::print(context.err, "raci: {} checked: {}, {}, {}\n", plural(static_cast<int>(models.size()), "file"),
             plural(counts[2], "error"), plural(counts[1], "warning"), fmt::format("{} info", counts[0]));
  return failed ? kExitChecksFailed : kExitSuccess;
}

}  // namespace raci
