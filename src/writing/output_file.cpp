#include "writing/output_file.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace raci {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTempMarker = ".tmp-";
constexpr std::size_t kTempSuffixLength = 6;  // mkstemp's XXXXXX

std::string errno_text() { return std::strerror(errno); }

std::string folder_of(const std::string& path) {
  fs::path folder = fs::path(path).parent_path();
  return folder.empty() ? "." : folder.string();
}

// A hidden, locked, empty temporary file beside `path`, named `.NAME.tmp-XXXXXX`. The
// lock (released by the kernel when the process ends, however it ends) tells a later run
// that the file is being written, not left behind.
struct TempFile {
  std::string path;
  int fd = -1;
};

TempFile create_temp_beside(const std::string& path) {
  std::string folder = folder_of(path);
  std::string name = fs::path(path).filename().string();
  TempFile temp{(fs::path(folder) / fmt::format(".{}{}XXXXXX", name, kTempMarker)).string()};
  temp.fd = ::mkstemp(temp.path.data());
  if (temp.fd < 0)
    throw OutputError(path, fmt::format("cannot create a file in {}: {}", folder, errno_text()));
  ::flock(temp.fd, LOCK_EX | LOCK_NB);  // a fresh file: nobody else can hold it
  // mkstemp creates files readable by the owner only; outputs are ordinary files.
  ::fchmod(temp.fd, 0644);
  return temp;
}

// Renames the finished temporary file over `path`, then releases it.
void commit(const TempFile& temp, const std::string& path) {
  if (std::rename(temp.path.c_str(), path.c_str()) != 0) {
    std::string reason = errno_text();
    ::unlink(temp.path.c_str());
    ::close(temp.fd);
    throw OutputError(path, fmt::format("cannot write: {}", reason));
  }
  ::close(temp.fd);
}

void discard(const TempFile& temp) {
  ::unlink(temp.path.c_str());
  ::close(temp.fd);
}

bool ends_with_output_extension(std::string_view name) {
  for (std::string_view ext : {".xlsx", ".csv", ".yaml", ".yml"}) {
    if (name.size() > ext.size() && name.ends_with(ext)) return true;
  }
  return false;
}

// `.NAME.tmp-XXXXXX` for a NAME raci writes.
bool is_leftover_name(std::string_view file, const std::vector<std::string>& names) {
  if (file.size() < 2 + kTempMarker.size() + kTempSuffixLength || file.front() != '.') return false;
  std::string_view suffix = file.substr(file.size() - kTempSuffixLength);
  if (!std::all_of(suffix.begin(), suffix.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
    return false;
  std::string_view rest = file.substr(1, file.size() - 1 - kTempSuffixLength);
  if (!rest.ends_with(kTempMarker)) return false;
  std::string_view name = rest.substr(0, rest.size() - kTempMarker.size());
  return !name.empty() &&
         (ends_with_output_extension(name) || std::find(names.begin(), names.end(), name) != names.end());
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content) {
  TempFile temp = create_temp_beside(path);
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(temp.fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string reason = errno_text();
      discard(temp);
      throw OutputError(path, fmt::format("cannot write: {}", reason));
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  commit(temp, path);
}

void write_atomically_with(const std::string& path, const std::function<void(const std::string&)>& write) {
  // The writer opens the file by its name; the descriptor kept open holds the lock on it.
  TempFile temp = create_temp_beside(path);
  try {
    write(temp.path);
  } catch (...) {
    discard(temp);
    throw;
  }
  ::chmod(temp.path.c_str(), 0644);
  commit(temp, path);
}

std::size_t remove_leftover_temporaries(const std::string& folder, const std::vector<std::string>& names) {
  std::error_code ec;
  std::vector<fs::path> leftovers;
  for (auto it = fs::directory_iterator(folder.empty() ? "." : folder, ec);
       !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (is_leftover_name(it->path().filename().string(), names)) leftovers.push_back(it->path());
  }
  std::size_t removed = 0;
  for (const fs::path& leftover : leftovers) {
    int fd = ::open(leftover.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) continue;
    struct stat info {};
    // Locked: a running raci is writing it.
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && ::flock(fd, LOCK_EX | LOCK_NB) == 0 &&
        ::unlink(leftover.c_str()) == 0) {
      ++removed;
    }
    ::close(fd);
  }
  return removed;
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
  fs::file_status status = fs::status(dir, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) throw OutputError(dir, "output folder is a file");
  } else {
    // Only the folder itself is created: a missing parent is more likely a typo.
    fs::path folder = fs::path(dir).lexically_normal();
    if (!folder.has_filename()) folder = folder.parent_path();  // "out/" names "out"
    fs::path parent = folder.parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec)) {
      throw OutputError(dir, fmt::format("cannot create output folder: {} {}", parent.string(),
                                         fs::exists(parent, ec) ? "is a file" : "does not exist"));
    }
    fs::create_directory(dir, ec);
    if (ec) throw OutputError(dir, fmt::format("cannot create output folder: {}", ec.message()));
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    throw OutputError(dir, fmt::format("cannot write into output folder: {}", errno_text()));
  }
}

void check_output_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw OutputError(path, "is a folder, expected a file name");
  std::string folder = folder_of(path);
  fs::file_status status = fs::status(folder, ec);
  if (!fs::exists(status)) throw OutputError(path, fmt::format("folder {} does not exist", folder));
  if (!fs::is_directory(status)) throw OutputError(path, fmt::format("{} is not a folder", folder));
  if (::access(folder.c_str(), W_OK | X_OK) != 0) {
    throw OutputError(path, fmt::format("cannot write into folder {}: {}", folder, errno_text()));
  }
}

}  // namespace raci
