#include "cli/command_support.h"

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "reading/input.h"

namespace raci {

std::vector<Model> load_models(const boost::program_options::variables_map& values,
                               const std::string& command) {
  if (!values.count("inputs"))
    throw UsageError(command, "no input given: name a role page, a YAML matrix or a folder");
  std::vector<Model> models;
  for (const std::string& path : expand_inputs(values["inputs"].as<std::vector<std::string>>())) {
    models.push_back(load_input(path));
  }
  return models;
}

std::string format_finding(const Finding& finding, bool color) {
  SourceLocation line_only{finding.location.file, finding.location.line};
  Color severity_color = finding.severity == Severity::kError     ? Color::kRed
                         : finding.severity == Severity::kWarning ? Color::kYellow
                                                                  : Color::kBlue;
  return fmt::format("{}: {}: {} [{}]", line_only.to_string(),
                     paint(severity_name(finding.severity), severity_color, color), finding.message,
                     finding.code);
}

}  // namespace raci
