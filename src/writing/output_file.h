#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace raci {

/// Failure to write an output: the command line reports it like bad input (exit 2).
class OutputError : public std::runtime_error {
 public:
  OutputError(std::string path, const std::string& message)
      : std::runtime_error(message), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Writes `content` to `path` atomically: into a hidden temporary file in the same folder,
/// renamed over `path` only once complete, so a failure or a kill leaves any earlier file
/// untouched. Throws OutputError when the folder is missing or not writable.
void write_file_atomically(const std::string& path, std::string_view content);

/// Like write_file_atomically, for writers that write a file themselves (libxlsxwriter):
/// `write` gets the path of a hidden temporary file in the same folder and must create
/// it; it is renamed to `path` once `write` returns, and removed if `write` throws.
void write_atomically_with(const std::string& path, const std::function<void(const std::string&)>& write);

/// Throws OutputError when `output` names the same file as one of `inputs`, so a command
/// never writes over what it reads.
void refuse_to_overwrite_inputs(const std::string& output, const std::vector<std::string>& inputs);

/// Makes sure `dir` is a folder that exists, creating it (and its parents) if needed.
/// Throws OutputError when it is a file or cannot be created.
void ensure_output_folder(const std::string& dir);

}  // namespace raci
