#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "analysis/pipeline.h"

namespace raci {

/// The most overlaps the Overlaps sheet holds unless told otherwise: a sheet people read.
inline constexpr std::size_t kWorkbookOverlapRows = 10'000;

/// Rows from which the workbook is written in constant-memory mode unless told otherwise.
inline constexpr std::size_t kConstantMemoryRows = 5'000;

/// Settings of the workbook that do not come from the analysis.
struct WorkbookOptions {
  /// Creation time written into the document properties, seconds since 1970 (UTC): pinned
  /// so the same input gives a byte-identical file (SOURCE_DATE_EPOCH when set).
  std::int64_t created = 0;
  std::string version;  ///< the tool's version, shown on the About sheet
  /// Told the share of the matrix and overlaps written (0 to 1) now and then; may be empty.
  std::function<void(double)> progress;
  /// Told once every sheet is written, as the parts of the workbook are compressed into the
  /// file (most of a second past a hundred thousand rows); may be empty.
  std::function<void()> compressing;
  /// The Overlaps sheet holds at most this many overlaps, the strongest; past it, an
  /// "overlaps-not-in-workbook" finding says how many the overlaps CSV holds.
  std::size_t max_overlap_rows = kWorkbookOverlapRows;
  /// With more rows than this on the RACI, Overlaps and Findings sheets together, the
  /// workbook is written in libxlsxwriter's constant-memory mode: each row goes to a
  /// temporary file beside the workbook as soon as it is done, and text is stored in its
  /// cells rather than in a table of shared strings (the file is larger; Excel, LibreOffice
  /// and openpyxl read it the same). The RACI sheet is then written on one thread while the
  /// Overlaps and Findings sheets are written on another, into the same bytes every time.
  std::size_t constant_memory_rows = kConstantMemoryRows;
  /// With more rows than this on those sheets together, the parts of the workbook are
  /// compressed at zlib's fastest level rather than its default, on a few threads (see
  /// fast_deflate.h): several times as fast, into a file about a quarter larger.
  std::size_t fast_compression_rows = kConstantMemoryRows;
};

/// Writes the workbook for one analysed model to `path` (the caller renames it into place):
/// sheets RACI, Overlaps, Findings, Roles, About (see README, "The workbook").
/// Throws OutputError when libxlsxwriter cannot write the file.
void write_workbook(const std::string& path, const Model& model, const Analysis& analysis,
                    const WorkbookOptions& options);

/// A valid, unique worksheet name: at most 31 characters, none of []:*?/\, not empty.
std::string sanitize_sheet_name(std::string_view name, const std::vector<std::string>& taken);

}  // namespace raci
