#include "writing/streamed_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "writing/output_file.h"

namespace raci {

namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

void write_streamed_file(const std::string& path, const std::function<void(const TextSink&)>& write) {
  write_atomically_with(path, [&](const std::string& temp) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(temp.c_str(), "wb"));
    if (!file) throw OutputError(path, fmt::format("cannot write: {}", std::strerror(errno)));
    TextSink sink = [&](std::string_view piece) {
      if (std::fwrite(piece.data(), 1, piece.size(), file.get()) != piece.size()) {
        throw OutputError(path, fmt::format("cannot write: {}", std::strerror(errno)));
      }
    };
    write(sink);
    std::FILE* done = file.release();
    if (std::fflush(done) != 0 || std::ferror(done) != 0) {
      int error = errno;
      std::fclose(done);
      throw OutputError(path, fmt::format("cannot write: {}", std::strerror(error)));
    }
    if (std::fclose(done) != 0)
      throw OutputError(path, fmt::format("cannot write: {}", std::strerror(errno)));
  });
}

}  // namespace raci
