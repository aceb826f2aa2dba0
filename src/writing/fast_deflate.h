#pragma once

// Faster compression of a large workbook. libxlsxwriter 1.1.4 has minizip compress every part
// of the workbook at zlib's default level (6), on the thread that closes it, with no setting to
// change either; a large workbook spent close to half its time there. This binary defines zlib's
// deflateInit2_, deflate and deflateEnd, which the dynamic linker then binds minizip's calls
// to. They pass every call on to zlib's own, except the streams started on a thread while a
// FastDeflate is alive there: those are compressed at zlib's fastest level, in pieces of
// kFastDeflateChunk bytes spread over a few threads, as pigz does. Each piece is a
// deflate stream of its own that starts from the last 32 KiB of the piece before (a preset
// dictionary) and ends on a byte boundary, so the pieces joined are one valid deflate stream
// that any zip reader inflates to the same bytes. The result depends only on the input, not
// on the number of threads or their timing: the same workbook gives the same file.

#include <cstddef>

namespace raci {

/// zlib's fastest level: a large workbook's parts compress about twice as fast as at the
/// default level, into a file about a quarter larger.
inline constexpr int kFastDeflateLevel = 1;

/// The bytes of input in each piece compressed on its own.
inline constexpr std::size_t kFastDeflateChunk = 256 * 1024;

/// While alive, every deflate stream zlib starts on this thread (deflateInit2_) uses `level`
/// (0 to 9) instead of the level asked for, and a raw one (as a zip entry is) is compressed in
/// pieces on up to `threads` threads (0: default_threads()), as described above; streams
/// started on other threads, or while no scope is alive, are left alone. Scopes nest; the
/// innermost decides. Does not throw.
class FastDeflate {
 public:
  explicit FastDeflate(int level = kFastDeflateLevel, unsigned threads = 0);
  ~FastDeflate();
  FastDeflate(const FastDeflate&) = delete;
  FastDeflate& operator=(const FastDeflate&) = delete;

  /// Threads when none are asked for: the processor's, at most 4.
  static unsigned default_threads();

  int level() const { return level_; }           ///< the level streams are compressed at
  unsigned threads() const { return threads_; }  ///< the most threads a stream uses

 private:
  int level_;
  unsigned threads_;
  const FastDeflate* outer_;  // the scope this one is inside, if any
};

}  // namespace raci
