#include "writing/fast_deflate.h"

#include <dlfcn.h>
#include <zlib.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace raci {

namespace {

// zlib's own functions, found past this binary's definitions below on first use; null when
// not found.
struct Zlib {
  using Init = int(z_streamp, int, int, int, int, int, const char*, int);
  using Deflate = int(z_streamp, int);
  using End = int(z_streamp);
  Init* init = reinterpret_cast<Init*>(dlsym(RTLD_NEXT, "deflateInit2_"));
  Deflate* deflate = reinterpret_cast<Deflate*>(dlsym(RTLD_NEXT, "deflate"));
  End* end = reinterpret_cast<End*>(dlsym(RTLD_NEXT, "deflateEnd"));
};
const Zlib& zlib() {
  static const Zlib functions;
  return functions;
}

int zlib_init(z_streamp stream, int level, int method, int window_bits, int mem_level, int strategy,
              const char* version, int stream_size) {
  if (zlib().init == nullptr) return Z_VERSION_ERROR;
  return zlib().init(stream, level, method, window_bits, mem_level, strategy, version, stream_size);
}
int zlib_deflate(z_streamp stream, int flush) {
  return zlib().deflate == nullptr ? Z_STREAM_ERROR : zlib().deflate(stream, flush);
}
int zlib_end(z_streamp stream) { return zlib().end == nullptr ? Z_STREAM_ERROR : zlib().end(stream); }

constexpr std::size_t kWindow = 32 * 1024;  // what deflate looks back at: the preset dictionary
// Pieces compressed or waiting, at most, per thread: bounds the memory held.
constexpr std::size_t kPiecesPerThread = 4;

// One piece of the input and, once done, its deflate stream.
struct Piece {
  std::string dictionary;  // the input's last kWindow bytes before this piece
  std::string input;
  bool last = false;  // ends the stream
  std::string output;
  int status = Z_OK;  // zlib's error, if any
  bool done = false;
};

// Compresses one piece with `stream` (raw deflate, reset for each piece).
void compress(z_stream& stream, Piece& piece) {
  int status = deflateReset(&stream);
  if (status == Z_OK && !piece.dictionary.empty()) {
    status = deflateSetDictionary(&stream, reinterpret_cast<const Bytef*>(piece.dictionary.data()),
                                  static_cast<uInt>(piece.dictionary.size()));
  }
  piece.output.resize(deflateBound(&stream, piece.input.size()) + 16);
  stream.next_in = reinterpret_cast<Bytef*>(piece.input.data());
  stream.avail_in = static_cast<uInt>(piece.input.size());
  stream.next_out = reinterpret_cast<Bytef*>(piece.output.data());
  stream.avail_out = static_cast<uInt>(piece.output.size());
  // A piece that is not the last ends on a byte boundary (an empty stored block), so the
  // next one can follow it directly.
  if (status == Z_OK) status = zlib_deflate(&stream, piece.last ? Z_FINISH : Z_SYNC_FLUSH);
  const int expected = piece.last ? Z_STREAM_END : Z_OK;
  // All of the input taken, and all of the output given (a flush that fills the buffer may
  // have more to give).
  const bool whole = stream.avail_in == 0 && (piece.last || stream.avail_out > 0);
  piece.status = status == expected && whole ? Z_OK : (status == Z_OK ? Z_BUF_ERROR : status);
  piece.output.resize(piece.output.size() - stream.avail_out);
}

// The state of one stream compressed in pieces: the caller's thread hands pieces to the
// workers and copies their output out, in order.
class PieceStream {
 public:
  PieceStream(int level, int window_bits, int mem_level, int strategy, unsigned threads)
      : level_(level),
        window_bits_(window_bits),
        mem_level_(mem_level),
        strategy_(strategy),
        threads_(std::max(threads, 1u)) {}
  ~PieceStream() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_.notify_all();
    for (std::thread& worker : workers_) worker.join();
    if (own_ready_) zlib_end(&own_);
  }
  PieceStream(const PieceStream&) = delete;
  PieceStream& operator=(const PieceStream&) = delete;

  // zlib's deflate for this stream, for the flushes minizip uses (none, then finish).
  int deflate(z_streamp stream, int flush) {
    if (flush != Z_NO_FLUSH && flush != Z_FINISH) return Z_STREAM_ERROR;
    if (stream->avail_in > 0) {
      if (finished_) return Z_STREAM_ERROR;
      pending_.append(reinterpret_cast<const char*>(stream->next_in), stream->avail_in);
      stream->next_in += stream->avail_in;
      stream->total_in += stream->avail_in;
      stream->avail_in = 0;
    }
    // Every piece but the last holds kFastDeflateChunk bytes, wherever the caller's writes
    // begin and end, so the output depends on the input alone.
    while (pending_.size() >= kFastDeflateChunk) {
      if (flush != Z_FINISH && pieces_.size() >= kPiecesPerThread * threads_) {
        // Past the pieces held, wait for the oldest rather than read further ahead; when the
        // caller's buffer is full, the input waits for the next call.
        emit(stream, true);
        if (error_ != Z_OK) return error_;
        if (pieces_.size() >= kPiecesPerThread * threads_) break;
      }
      add_piece(kFastDeflateChunk, false);
    }
    if (flush == Z_FINISH && !finished_) {
      add_piece(pending_.size(), true);
      finished_ = true;
    }
    emit(stream, flush == Z_FINISH);
    if (error_ != Z_OK) return error_;
    return finished_ && pieces_.empty() ? Z_STREAM_END : Z_OK;
  }

 private:
  void add_piece(std::size_t size, bool last) {
    // A piece whose output is out is used again: its buffers keep their memory.
    std::shared_ptr<Piece> piece;
    if (spare_.empty()) {
      piece = std::make_shared<Piece>();
    } else {
      piece = std::move(spare_.back());
      spare_.pop_back();
      piece->status = Z_OK;
      piece->done = false;
    }
    piece->dictionary = window_;
    piece->input.assign(pending_, 0, size);
    piece->last = last;
    // The window for the next piece: the last kWindow bytes of the input so far.
    if (size >= kWindow) {
      window_.assign(piece->input, size - kWindow, kWindow);
    } else {
      window_ += piece->input;
      if (window_.size() > kWindow) window_.erase(0, window_.size() - kWindow);
    }
    pending_.erase(0, size);
    if (last && pieces_.empty()) {
      // A stream of one piece (most parts of a workbook) needs no thread.
      compress(own_stream(), *piece);
      piece->done = true;
      pieces_.push_back(piece);
      return;
    }
    {
      std::lock_guard lock(mutex_);
      pieces_.push_back(piece);
      waiting_.push_back(piece);
    }
    if (workers_.size() < threads_) {
      try {
        workers_.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        // No thread to be had: with none at all, this thread does the work.
        if (workers_.empty()) {
          std::lock_guard lock(mutex_);
          waiting_.pop_back();
          compress(own_stream(), *piece);
          piece->done = true;
          return;
        }
      }
    }
    work_.notify_one();
  }

  // Copies the output of done pieces, in order, into the caller's buffer until it is full;
  // with `wait`, waits for a piece not yet done rather than stop there.
  void emit(z_streamp stream, bool wait) {
    while (!pieces_.empty() && stream->avail_out > 0) {
      Piece& front = *pieces_.front();
      {
        std::unique_lock lock(mutex_);
        if (!front.done) {
          if (!wait) return;
          done_.wait(lock, [&] { return front.done; });
        }
      }
      if (front.status != Z_OK) {
        error_ = front.status;
        return;
      }
      std::size_t size = std::min<std::size_t>(stream->avail_out, front.output.size() - emitted_);
      std::memcpy(stream->next_out, front.output.data() + emitted_, size);
      stream->next_out += size;
      stream->avail_out -= static_cast<uInt>(size);
      stream->total_out += size;
      emitted_ += size;
      if (emitted_ < front.output.size()) return;
      emitted_ = 0;
      spare_.push_back(std::move(pieces_.front()));
      pieces_.pop_front();
    }
  }

  void work() {
    z_stream stream{};
    bool ready = zlib_init(&stream, level_, Z_DEFLATED, window_bits_, mem_level_, strategy_, ZLIB_VERSION,
                           static_cast<int>(sizeof(z_stream))) == Z_OK;
    std::unique_lock lock(mutex_);
    for (;;) {
      work_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
      if (waiting_.empty()) break;
      std::shared_ptr<Piece> piece = waiting_.front();
      waiting_.pop_front();
      lock.unlock();
      if (ready) {
        compress(stream, *piece);
      } else {
        piece->status = Z_MEM_ERROR;
      }
      lock.lock();
      piece->done = true;
      done_.notify_all();
    }
    lock.unlock();
    if (ready) zlib_end(&stream);
  }

  // A stream for this thread's own pieces; a piece compressed with it fails when it could
  // not be made.
  z_stream& own_stream() {
    if (!own_ready_) {
      own_ready_ = zlib_init(&own_, level_, Z_DEFLATED, window_bits_, mem_level_, strategy_, ZLIB_VERSION,
                             static_cast<int>(sizeof(z_stream))) == Z_OK;
    }
    return own_;
  }

  const int level_, window_bits_, mem_level_, strategy_;
  const unsigned threads_;
  std::string pending_;                        // input not yet in a piece
  std::string window_;                         // the last kWindow bytes of input given to pieces
  std::deque<std::shared_ptr<Piece>> pieces_;  // in order, until their output is out
  std::vector<std::shared_ptr<Piece>> spare_;  // pieces out, to be used again
  std::size_t emitted_ = 0;                    // bytes of the first piece's output copied out
  bool finished_ = false;
  int error_ = Z_OK;
  z_stream own_{};
  bool own_ready_ = false;

  std::mutex mutex_;  // guards what follows, and each piece's done
  std::condition_variable work_, done_;
  std::deque<std::shared_ptr<Piece>> waiting_;  // pieces no worker has taken yet
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// The innermost FastDeflate alive on this thread, and the streams started under one.
thread_local const FastDeflate* current_scope = nullptr;
thread_local std::map<z_streamp, std::unique_ptr<PieceStream>> piece_streams;

PieceStream* piece_stream(z_streamp stream) {
  if (piece_streams.empty()) return nullptr;
  auto found = piece_streams.find(stream);
  return found == piece_streams.end() ? nullptr : found->second.get();
}

}  // namespace

FastDeflate::FastDeflate(int level, unsigned threads)
    : level_(std::clamp(level, 0, 9)),
      threads_(threads == 0 ? default_threads() : threads),
      outer_(current_scope) {
  current_scope = this;
}

FastDeflate::~FastDeflate() { current_scope = outer_; }

unsigned FastDeflate::default_threads() { return std::clamp(std::thread::hardware_concurrency(), 1u, 4u); }

}  // namespace raci

// zlib's functions as minizip calls them for each zip entry. Defined here so that the dynamic
// linker binds those calls to them; see fast_deflate.h.

extern "C" int deflateInit2_(z_streamp stream, int level, int method, int window_bits, int mem_level,
                             int strategy, const char* version, int stream_size) {
  using namespace raci;
  const FastDeflate* scope = current_scope;
  if (scope != nullptr) level = scope->level();
  int status = zlib_init(stream, level, method, window_bits, mem_level, strategy, version, stream_size);
  // Pieces are raw deflate streams: the caller's own (a zip entry's) must be raw too.
  if (status == Z_OK && scope != nullptr && method == Z_DEFLATED && window_bits < 0) {
    try {
      piece_streams[stream] =
          std::make_unique<PieceStream>(level, window_bits, mem_level, strategy, scope->threads());
    } catch (const std::exception&) {
      zlib_end(stream);
      return Z_MEM_ERROR;
    }
  }
  return status;
}

extern "C" int deflate(z_streamp stream, int flush) {
  using namespace raci;
  if (PieceStream* pieces = piece_stream(stream)) {
    try {
      return pieces->deflate(stream, flush);
    } catch (const std::exception&) {
      return Z_MEM_ERROR;
    }
  }
  return zlib_deflate(stream, flush);
}

extern "C" int deflateEnd(z_streamp stream) {
  using namespace raci;
  if (piece_stream(stream) != nullptr) piece_streams.erase(stream);
  return zlib_end(stream);
}
