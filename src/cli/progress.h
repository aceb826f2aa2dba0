#pragma once

#include <chrono>
#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>

namespace raci {

/// A progress bar on standard error for long runs: `raci: x.yaml: finding overlaps
/// [#######-------------] 35%`, redrawn in place at most ten times a second (a new stage at
/// once), and only once
/// the run has taken half a second, so quick runs print nothing. Disabled, it does nothing:
/// when standard error is not a terminal, or under --quiet. Safe to call from several
/// threads.
class ProgressBar {
 public:
  /// Draws on `stream` when `enabled`.
  ProgressBar(std::ostream& stream, bool enabled);
  /// Clears the bar's line.
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  /// Shows what is being done, and how much of it (0 to 1; below 0 for "unknown").
  void update(std::string_view label, std::string_view stage, double done);

  /// Notes that a stage began, for RACI_TIMINGS only, leaving the bar as it is (another
  /// thread's stage may be the one worth showing).
  void mark(std::string_view label, std::string_view stage);

  /// Clears the bar's line, to print something else; the next update draws it again.
  void clear();

  /// Whether stderr is a terminal that a bar can be drawn on.
  static bool stderr_is_terminal();

 private:
  std::ostream& stream_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point drawn_;
  std::mutex mutex_;
  std::string last_stage_;   // for RACI_TIMINGS
  std::string drawn_stage_;  // the stage on the line now
};

/// When the process started (first called from main), for RACI_TIMINGS.
std::chrono::steady_clock::time_point process_start();

}  // namespace raci
