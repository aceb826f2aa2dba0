#pragma once

#include <string>

#include "model/finding.h"

namespace raci {

/// One finding as `file:line: severity: message [code]`, the severity coloured if asked.
std::string format_finding(const Finding& finding, bool color);

}  // namespace raci
