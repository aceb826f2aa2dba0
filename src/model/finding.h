#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_location.h"

namespace raci {

/// How serious a finding is, least first so that they compare by rank.
enum class Severity { kInfo, kWarning, kError };

/// "info", "warning" or "error".
std::string_view severity_name(Severity severity);

/// Parses "info", "warning" or "error" (case-insensitive); nullopt for anything else.
std::optional<Severity> parse_severity(std::string_view text);

/// A diagnostic about the content of a matrix: data, not an error.
struct Finding {
  Severity severity = Severity::kInfo;
  std::string code;  ///< stable kebab-case code, e.g. "split-run-together"
  SourceLocation location;
  std::string message;
};

/// Orders findings by file, line, column, then code, so reports are deterministic.
void sort_findings(std::vector<Finding>& findings);

}  // namespace raci
