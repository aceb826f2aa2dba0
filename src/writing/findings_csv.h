#pragma once

#include <string>
#include <vector>

#include "model/finding.h"

namespace raci {

/// The findings as CSV: header `severity,code,location,message`, one line per finding in
/// the order given; location is `file:line` (or `file` when the line is unknown).
std::string write_findings_csv(const std::vector<Finding>& findings);

}  // namespace raci
