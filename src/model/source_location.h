#pragma once

#include <stdexcept>
#include <string>

namespace raci {

/// Where something came from: a file and a 1-based line and column (0 = unknown).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  /// "file", "file:line" or "file:line:column", whichever parts are known.
  std::string to_string() const;
};

/// Bad input: the one error type the readers throw. The message is short and lowercase;
/// the command line prints it as `raci: error: FILE:LINE:COL: message` and exits 2.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& message)
      : std::runtime_error(message), where_(std::move(where)) {}

  const SourceLocation& where() const { return where_; }

  /// "file:line:col: message".
  std::string describe() const;

 private:
  SourceLocation where_;
};

}  // namespace raci
