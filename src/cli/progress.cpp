#include "cli/progress.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <ostream>

#include <fmt/format.h>
#include <unistd.h>

namespace raci {

namespace {

constexpr auto kQuietStart = std::chrono::milliseconds(500);
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr int kBarWidth = 24;

}  // namespace

std::chrono::steady_clock::time_point process_start() {
  static const auto start = std::chrono::steady_clock::now();
  return start;
}

ProgressBar::ProgressBar(std::ostream& stream, bool enabled)
    : stream_(stream), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { clear(); }

bool ProgressBar::stderr_is_terminal() { return ::isatty(STDERR_FILENO) != 0; }

void ProgressBar::mark(std::string_view label, std::string_view stage) {
  static const bool timings = std::getenv("RACI_TIMINGS") != nullptr;
  if (!timings) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (stage == last_stage_) return;
  auto now = std::chrono::steady_clock::now();
  stream_ << fmt::format("raci: timing: {:8.3f} s wall {:8.3f} s cpu  {}: {}\n",
                         std::chrono::duration<double>(now - process_start()).count(),
                         static_cast<double>(std::clock()) / CLOCKS_PER_SEC, label, stage)
          << std::flush;
  last_stage_ = std::string(stage);
}

void ProgressBar::update(std::string_view label, std::string_view stage, double done) {
  mark(label, stage);
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  // A new stage is drawn at once: no other update may come while it lasts (compressing the
  // workbook); the same stage at most every kRedrawEvery.
  const bool same_stage = stage == drawn_stage_;
  if (now - start_ < kQuietStart || (shown_ && same_stage && now - drawn_ < kRedrawEvery)) return;
  drawn_ = now;
  shown_ = true;
  if (!same_stage) drawn_stage_ = std::string(stage);
  std::string line = fmt::format("\r\x1b[Kraci: {}: {}", label, stage);
  if (done >= 0) {
    int filled = static_cast<int>(std::clamp(done, 0.0, 1.0) * kBarWidth);
    line += fmt::format(" [{}{}] {:3.0f}%", std::string(filled, '#'), std::string(kBarWidth - filled, '-'),
                        std::clamp(done, 0.0, 1.0) * 100);
  }
  stream_ << line << std::flush;
}

void ProgressBar::clear() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!shown_) return;
  stream_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace raci
