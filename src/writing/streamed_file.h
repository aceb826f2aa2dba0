#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace raci {

/// Receives a file's content piece by piece, in order.
using TextSink = std::function<void(std::string_view)>;

/// Text built up in memory and handed to a sink whenever it passes `chunk` bytes, so a
/// large file never sits whole in memory. `flush` hands over the rest; the destructor does
/// not, as a sink may throw.
class ChunkedText {
 public:
  explicit ChunkedText(const TextSink& sink, std::size_t chunk = 1 << 20) : sink_(sink), chunk_(chunk) {
    text_.reserve(chunk + chunk / 4);
  }

  /// The text to append to; call done_row() after each record.
  std::string& text() { return text_; }

  /// Hands the text over once it is large enough.
  void done_row() {
    if (text_.size() >= chunk_) flush();
  }

  /// Hands over whatever is left.
  void flush() {
    if (!text_.empty()) sink_(text_);
    text_.clear();
  }

 private:
  const TextSink& sink_;
  std::size_t chunk_;
  std::string text_;
};

/// Writes `path` atomically (see write_atomically_with) from the pieces `write` hands to
/// its sink. Throws OutputError, naming `path`, when the file cannot be created or written.
void write_streamed_file(const std::string& path, const std::function<void(const TextSink&)>& write);

}  // namespace raci
