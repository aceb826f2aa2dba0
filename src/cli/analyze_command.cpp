#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/command_support.h"
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/terminal.h"
#include "writing/terminal_report.h"

namespace raci {

namespace po = boost::program_options;

int run_analyze(const CommandContext& context) {
  po::options_description options;
  add_analysis_options(options);
  options.add_options()("width", po::value<int>()->value_name("COLUMNS"),
                        "lay the report out for this many columns, at least 40 (default: the terminal's, or 100)");
  po::positional_options_description positional;
  positional.add("inputs", -1);
  po::variables_map values;
  if (!parse_command_line(context, "analyze", "raci analyze INPUT... [options]",
                          "Reads each role page or YAML matrix, finds the duties two roles both claim,\n"
                          "assigns R/A/C/I to every role and checks the matrix. Prints the matrix, the\n"
                          "overlaps ranked with the terms they share, the findings and a summary.\n"
                          "Colour when standard output is a terminal, none under NO_COLOR.\n"
                          "example: raci analyze matrices/lead-roles.md",
                          options, positional, values)) {
    return kExitSuccess;
  }
  // Narrower than this, the id and letter columns leave no room for the duty.
  constexpr int kMinWidth = 40;
  if (values.count("width") && values["width"].as<int>() < kMinWidth) {
    throw UsageError("analyze",
                     fmt::format("--width must be at least {} columns, not {}", kMinWidth, values["width"].as<int>()));
  }
  AnalysisOptions settings = analysis_options(values, "analyze");
  std::vector<Model> models = load_models(values, "analyze");
  ReportStyle style{use_color(stdout), values.count("width") ? values["width"].as<int>() : terminal_width()};
  for (std::size_t i = 0; i < models.size(); ++i) {
    if (i > 0) context.out << "\n";
    context.out << render_analysis(models[i], analyze(models[i], settings), style);
  }
  return kExitSuccess;
}

}  // namespace raci
