#pragma once

#include <cstddef>
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

/// Writes `content` to `path` atomically: into a hidden temporary file `.NAME.tmp-XXXXXX`
/// in the same folder, locked (flock) while it is written and renamed over `path` only once
/// complete, so a failure or a kill leaves any earlier file untouched. Throws OutputError
/// when the folder is missing or not writable, or the disk is full.
void write_file_atomically(const std::string& path, std::string_view content);

/// Like write_file_atomically, for writers that write a file themselves (libxlsxwriter):
/// `write` gets the path of a hidden temporary file in the same folder and must create
/// it; it is renamed to `path` once `write` returns, and removed if `write` throws.
void write_atomically_with(const std::string& path, const std::function<void(const std::string&)>& write);

/// Removes from `folder` the hidden temporary files that killed runs left behind:
/// `.NAME.tmp-XXXXXX` where NAME is one of `names` or ends in .xlsx, .csv, .yaml or .yml,
/// unless a running raci still holds it locked. Best effort: a file that cannot be
/// removed stays. Returns how many were removed.
std::size_t remove_leftover_temporaries(const std::string& folder, const std::vector<std::string>& names);

/// Throws OutputError when `output` names the same file as one of `inputs`, so a command
/// never writes over what it reads.
void refuse_to_overwrite_inputs(const std::string& output, const std::vector<std::string>& inputs);

/// Makes sure `dir` is a folder that exists and can be written, creating it if it is
/// missing but its parent exists. Throws OutputError when it is a file, when its parent
/// is missing, or when it cannot be created or written.
void ensure_output_folder(const std::string& dir);

/// Throws OutputError unless `path` can be written as an output file: it must not be a
/// folder, and its folder must exist and be writable.
void check_output_file(const std::string& path);

}  // namespace raci
