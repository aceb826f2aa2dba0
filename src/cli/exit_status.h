#pragma once

namespace raci {

/// The process exit statuses, part of the command line's contract.
enum ExitStatus : int {
  kExitSuccess = 0,       ///< done; for `check`, no finding at or above --fail-on
  kExitChecksFailed = 1,  ///< `check` found something at or above --fail-on
  kExitInputError = 2,    ///< bad usage or bad input; nothing was written
};

}  // namespace raci
