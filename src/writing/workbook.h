#pragma once

#include <cstdint>
#include <string>

#include "analysis/pipeline.h"

namespace raci {

/// Settings of the workbook that do not come from the analysis.
struct WorkbookOptions {
  /// Creation time written into the document properties, seconds since 1970 (UTC): pinned
  /// so the same input gives a byte-identical file (SOURCE_DATE_EPOCH when set).
  std::int64_t created = 0;
  std::string version;  ///< the tool's version, shown on the About sheet
};

/// Writes the workbook for one analysed model to `path` (the caller renames it into place):
/// sheets RACI, Overlaps, Findings, Roles, About (see README, "The workbook").
/// Throws OutputError when libxlsxwriter cannot write the file.
void write_workbook(const std::string& path, const Model& model, const Analysis& analysis,
                    const WorkbookOptions& options);

/// A valid, unique worksheet name: at most 31 characters, none of []:*?/\, not empty.
std::string sanitize_sheet_name(std::string_view name, const std::vector<std::string>& taken);

}  // namespace raci
