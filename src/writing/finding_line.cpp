#include "writing/finding_line.h"

#include <fmt/format.h>

#include "writing/ansi.h"

namespace raci {

std::string format_finding(const Finding& finding, bool color) {
  Color severity_color = finding.severity == Severity::kError     ? Color::kRed
                         : finding.severity == Severity::kWarning ? Color::kYellow
                                                                  : Color::kBlue;
  return fmt::format("{}: {}: {} [{}]", SourceLocation{finding.location.file, finding.location.line}.to_string(),
                     paint(severity_name(finding.severity), severity_color, color), finding.message, finding.code);
}

}  // namespace raci
