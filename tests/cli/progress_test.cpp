#include "cli/progress.h"

#include <chrono>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

namespace raci {
namespace {

TEST(ProgressBar, DisabledPrintsNothing) {
  std::ostringstream out;
  {
    ProgressBar bar(out, false);
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    bar.update("x.yaml", "finding overlaps", 0.5);
    bar.clear();
  }
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressBar, QuickRunsPrintNothing) {
  std::ostringstream out;
  {
    ProgressBar bar(out, true);
    bar.update("x.yaml", "finding overlaps", 0.5);
  }
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressBar, DrawsAfterHalfASecondAndClearsItsLine) {
  std::ostringstream out;
  {
    ProgressBar bar(out, true);
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    bar.update("x.yaml", "finding overlaps", 0.5);
    EXPECT_EQ(out.str(), "\r\x1b[Kraci: x.yaml: finding overlaps [############------------]  50%");
    bar.update("x.yaml", "finding overlaps", 0.6);  // the same stage too soon: not drawn
    bar.update("x.yaml", "checking", -1);           // a new stage: drawn at once
  }
  EXPECT_EQ(out.str(),
            "\r\x1b[Kraci: x.yaml: finding overlaps [############------------]  50%"
            "\r\x1b[Kraci: x.yaml: checking\r\x1b[K");
}

}  // namespace
}  // namespace raci
