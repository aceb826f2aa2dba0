#include "writing/findings_csv.h"

#include "writing/csv.h"

namespace raci {

std::string write_findings_csv(const std::vector<Finding>& findings) {
  CsvWriter csv;
  csv.row({"severity", "code", "location", "message"});
  for (const Finding& finding : findings) {
    SourceLocation line_only{finding.location.file, finding.location.line};
    csv.row(
        {std::string(severity_name(finding.severity)), finding.code, line_only.to_string(), finding.message});
  }
  return csv.text();
}

}  // namespace raci
