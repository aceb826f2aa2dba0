#include "writing/output_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace raci {

namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content) {
  fs::path target(path);
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string temp = (folder / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw OutputError(path, fmt::format("cannot create a file in {}: {}", folder.string(), errno_text()));
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string reason = errno_text();
      ::close(fd);
      ::unlink(temp.c_str());
      throw OutputError(path, fmt::format("cannot write: {}", reason));
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  // mkstemp creates files readable by the owner only; outputs are ordinary files.
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::string reason = errno_text();
    ::unlink(temp.c_str());
    throw OutputError(path, fmt::format("cannot write: {}", reason));
  }
}

void write_atomically_with(const std::string& path, const std::function<void(const std::string&)>& write) {
  fs::path target(path);
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  // Reserve a unique hidden name, then let the writer create the file under it.
  std::string temp = (folder / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) throw OutputError(path, fmt::format("cannot create a file in {}: {}", folder.string(), errno_text()));
  ::close(fd);
  try {
    write(temp);
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
  ::chmod(temp.c_str(), 0644);
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::string reason = errno_text();
    ::unlink(temp.c_str());
    throw OutputError(path, fmt::format("cannot write: {}", reason));
  }
}

void refuse_to_overwrite_inputs(const std::string& output, const std::vector<std::string>& inputs) {
  std::error_code ec;
  for (const std::string& input : inputs) {
    if (fs::exists(output, ec) && fs::equivalent(output, input, ec)) {
      throw OutputError(output, fmt::format("refusing to write over the input {}", input));
    }
  }
}

void ensure_output_folder(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) throw OutputError(dir, "output folder is a file");
    return;
  }
  fs::create_directories(dir, ec);
  if (ec) throw OutputError(dir, fmt::format("cannot create output folder: {}", ec.message()));
}

}  // namespace raci
