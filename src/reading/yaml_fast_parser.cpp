#include "reading/yaml_fast_parser.h"

#include <cstdint>
#include <string>
#include <vector>

#include "reading/yaml_support.h"

namespace raci::yaml {

namespace {

// yaml-cpp takes a key only when its `:` is at most 1024 bytes after the key's start;
// longer keys are left to it.
constexpr std::size_t kMaxKeyBytes = 1000;

// Plain text spelled like this is a null node to yaml-cpp.
bool is_null_text(std::string_view text) {
  return text == "~" || text == "null" || text == "Null" || text == "NULL";
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// Appends code point `value` as yaml-cpp writes an escaped one.
void append_code_point(std::string& out, std::uint32_t value) {
  auto byte = [&](std::uint32_t b) { out += static_cast<char>(b); };
  if (value <= 0x7F) {
    byte(value);
  } else if (value <= 0x7FF) {
    byte(0xC0 + (value >> 6));
    byte(0x80 + (value & 0x3F));
  } else if (value <= 0xFFFF) {
    byte(0xE0 + (value >> 12));
    byte(0x80 + ((value >> 6) & 0x3F));
    byte(0x80 + (value & 0x3F));
  } else {
    byte(0xF0 + (value >> 18));
    byte(0x80 + ((value >> 12) & 0x3F));
    byte(0x80 + ((value >> 6) & 0x3F));
    byte(0x80 + (value & 0x3F));
  }
}

// What yaml-cpp's scanner reads for the escape `\c` in double-quoted text, when it is a
// fixed text; nullptr for the hexadecimal escapes and for unknown ones (an error there).
const char* fixed_escape(char c) {
  switch (c) {
    case '0': return "\0";  // the caller takes one byte
    case 'a': return "\x07";
    case 'b': return "\x08";
    case 't': return "\x09";
    case 'n': return "\x0A";
    case 'v': return "\x0B";
    case 'f': return "\x0C";
    case 'r': return "\x0D";
    case 'e': return "\x1B";
    case ' ': return " ";
    case '"': return "\"";
    case '\'': return "'";
    case '\\': return "\\";
    case '/': return "/";
    case 'N': return "\x85";
    case '_': return "\xA0";
    case 'L': return "\xE2\x80\xA8";
    case 'P': return "\xE2\x80\xA9";
    default: return nullptr;
  }
}

// A scalar read on one line: its text, and whether it is a key (`:` and a space or the line
// end after it) or the last thing on its line (a comment aside).
struct Scalar {
  bool ok = false;     // false: something the fast parser leaves to yaml-cpp
  bool plain = false;  // not quoted, so `~` and `null` are null nodes
  bool is_key = false;
  std::string_view text;
  std::size_t after_colon = 0;  // for a key, where its value may start
};

class FastParser {
 public:
  explicit FastParser(std::string_view text) : text_(text) {}

  std::optional<Document> parse() {
    if (text_.size() >= (std::size_t{1} << 30) || !plain_bytes()) return std::nullopt;
    std::size_t start = 0;
    while (true) {
      std::size_t newline = text_.find('\n', start);
      std::size_t end = newline == std::string_view::npos ? text_.size() : newline;
      std::size_t content_end = end > start && text_[end - 1] == '\r' ? end - 1 : end;
      line_start_ = start;
      line_ = text_.substr(start, content_end - start);
      if (!read_line()) return std::nullopt;
      if (newline == std::string_view::npos) break;
      start = newline + 1;
      ++line_number_;
    }
    if (pending_ != Pending::kNone) builder_.add_null(end_mark());
    if (builder_.node_count() > kMaxYamlNodes) return std::nullopt;
    return builder_.finish();
  }

 private:
  enum class Pending { kNone, kValue, kItem };  // `key:` or `-` with its value to come

  struct Frame {
    Kind kind;
    std::size_t column;
  };

  // No control character but line ends (`\n`, `\r\n`), no byte order mark: yaml-cpp reads
  // those (and NUL bytes as UTF-16) in ways of its own.
  bool plain_bytes() const {
    if (!text_.empty()) {
      auto first = static_cast<unsigned char>(text_[0]);
      if (first == 0xEF || first == 0xFE || first == 0xFF) return false;
    }
    for (std::size_t i = 0; i < text_.size(); ++i) {
      auto c = static_cast<unsigned char>(text_[i]);
      if (c >= 0x20 && c != 0x7F) continue;
      if (c == '\n') continue;
      if (c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') continue;
      return false;
    }
    return true;
  }

  // Where yaml-cpp marks an empty value at the end of the text: at the token after it, the
  // end of the collection that holds it. It ends that collection where the last line ends
  // when the collection is indented deeper than that (or as deep, for a list), else once
  // the text has ended, at the start of the last line.
  Mark end_mark() const {
    const std::size_t last_line = text_.size() - line_start_;
    const Frame& owner = frames_.back();
    bool ended_by_last_line =
        owner.column > last_line || (owner.column == last_line && owner.kind == Kind::kSequence);
    return {static_cast<int>(text_.size()), line_number_,
            ended_by_last_line ? static_cast<int>(last_line) : 0};
  }

  Mark mark_at(std::size_t column) const {
    return {static_cast<int>(line_start_ + column), line_number_, static_cast<int>(column)};
  }

  bool is_entry_at(std::size_t column) const {
    return line_[column] == '-' && (column + 1 == line_.size() || line_[column + 1] == ' ');
  }

  bool read_line() {
    std::size_t column = line_.find_first_not_of(' ');
    if (column == std::string_view::npos || line_[column] == '#') return true;  // blank or comment
    if (column == 0 && (line_.starts_with("---") || line_.starts_with("..."))) return false;
    bool entry = is_entry_at(column);
    if (pending_ != Pending::kNone) {
      const Frame& owner = frames_.back();
      Pending pending = pending_;
      pending_ = Pending::kNone;
      if (column > owner.column) return start_collection(column, entry);
      // A list at its key's indent.
      if (pending == Pending::kValue && column == owner.column && entry)
        return start_collection(column, entry);
      // An empty value: yaml-cpp marks it at the token after it.
      builder_.add_null(mark_at(column));
    }
    // A line less indented ends the collections deeper than it; a line that is no `-` ends
    // a list at its indent.
    while (!frames_.empty() &&
           (frames_.back().column > column ||
            (frames_.back().column == column && frames_.back().kind == Kind::kSequence && !entry))) {
      builder_.close();
      frames_.pop_back();
    }
    if (frames_.empty()) {
      if (started_) return false;  // more after the top node: yaml-cpp has its own ways
      started_ = true;
      return start_collection(column, entry);
    }
    if (frames_.back().column != column) return false;
    if (frames_.back().kind == Kind::kSequence) return read_item(column);
    return !entry && read_key_line(column, false);
  }

  // The first line of a list or mapping, the value of what comes before it (or the top node).
  bool start_collection(std::size_t column, bool entry) {
    if (frames_.size() >= static_cast<std::size_t>(kMaxYamlDepth)) return false;
    if (!entry) return read_key_line(column, true);
    builder_.open(Kind::kSequence, mark_at(column));
    frames_.push_back({Kind::kSequence, column});
    return read_item(column);
  }

  // `key: value`, `key:` and the like at `column`, the first of a new mapping when `open`.
  bool read_key_line(std::size_t column, bool open) {
    Scalar key = read_scalar(column);
    if (!key.ok || !key.is_key) return false;
    if (open) {
      builder_.open(Kind::kMap, mark_at(column));
      frames_.push_back({Kind::kMap, column});
    }
    add(key, column);
    return read_value(key.after_colon);
  }

  // What follows `key:` on its line.
  bool read_value(std::size_t at) {
    at = skip_spaces(at);
    if (at == line_.size() || line_[at] == '#') {
      pending_ = Pending::kValue;
      return true;
    }
    Scalar value = read_scalar(at);
    if (!value.ok || value.is_key) return false;  // `a: b: c` is an error
    add(value, at);
    return true;
  }

  // `- ...` at `column`.
  bool read_item(std::size_t column) {
    std::size_t at = skip_spaces(column + 1);
    if (at == line_.size() || line_[at] == '#') {
      pending_ = Pending::kItem;
      return true;
    }
    if (is_entry_at(at)) return false;  // `- - x`
    Scalar scalar = read_scalar(at);
    if (!scalar.ok) return false;
    if (!scalar.is_key) {
      add(scalar, at);
      return true;
    }
    // `- key: value` starts a mapping at the key.
    if (frames_.size() >= static_cast<std::size_t>(kMaxYamlDepth)) return false;
    builder_.open(Kind::kMap, mark_at(at));
    frames_.push_back({Kind::kMap, at});
    add(scalar, at);
    return read_value(scalar.after_colon);
  }

  void add(const Scalar& scalar, std::size_t column) {
    if (scalar.plain && is_null_text(scalar.text)) {
      builder_.add_null(mark_at(column));
    } else {
      builder_.add_scalar(mark_at(column), scalar.text);
    }
  }

  std::size_t skip_spaces(std::size_t at) const {
    while (at < line_.size() && line_[at] == ' ') ++at;
    return at;
  }

  // The scalar starting at `at` and what ends it: a key's `:`, or the end of the line
  // (spaces and a comment aside).
  Scalar read_scalar(std::size_t at) {
    char c = line_[at];
    if (c == '"' || c == '\'') return read_quoted(at);
    return read_plain(at);
  }

  Scalar read_plain(std::size_t at) {
    Scalar out;
    char c = line_[at];
    // Characters that start something else than plain text.
    if (std::string_view(",[]{}#&*!|>%@`").find(c) != std::string_view::npos) return out;
    bool indicator_like = c == '-' || c == '?' || c == ':';
    if (indicator_like && (at + 1 == line_.size() || line_[at + 1] == ' ')) return out;
    std::size_t end = at;
    const std::size_t size = line_.size();
    for (; end < size; ++end) {
      char ch = line_[end];
      if (ch == ':' && (end + 1 == size || line_[end + 1] == ' ')) {
        out.is_key = true;
        break;
      }
      if (ch == ' ' && end + 1 < size && line_[end + 1] == '#') break;
    }
    if (out.is_key) {
      if (end - at > kMaxKeyBytes) return out;
      out.after_colon = end + 1;
    }
    std::size_t last = end;
    while (last > at && line_[last - 1] == ' ') --last;
    out.text = line_.substr(at, last - at);
    out.plain = true;
    out.ok = true;
    return out;
  }

  Scalar read_quoted(std::size_t at) {
    Scalar out;
    const char quote = line_[at];
    const std::size_t size = line_.size();
    std::size_t i = at + 1;
    std::size_t run = i;  // start of the bytes not yet copied to unescaped_
    bool escaped = false;
    unescaped_.clear();
    while (true) {
      while (i < size && line_[i] != quote && !(quote == '"' && line_[i] == '\\')) ++i;
      if (i == size) return out;  // text over several lines
      if (line_[i] == quote && !(quote == '\'' && i + 1 < size && line_[i + 1] == '\'')) break;
      unescaped_.append(line_.substr(run, i - run));
      escaped = true;
      if (quote == '\'') {
        unescaped_ += '\'';
        i += 2;
      } else if (!read_escape(i)) {
        return out;
      }
      run = i;
    }
    if (escaped) {
      unescaped_.append(line_.substr(run, i - run));
      out.text = unescaped_;
    } else {
      out.text = line_.substr(at + 1, i - at - 1);
    }
    std::size_t after = skip_spaces(i + 1);
    if (after < size) {
      if (line_[after] == ':' && (after + 1 == size || line_[after + 1] == ' ')) {
        if (after - at > kMaxKeyBytes) return out;
        out.is_key = true;
        out.after_colon = after + 1;
      } else if (line_[after] != '#' || after == i + 1) {
        return out;  // more after the closing quote
      }
    }
    out.ok = true;
    return out;
  }

  // Appends the escape at `i` (a backslash) to unescaped_ and moves past it; false when
  // yaml-cpp would fail on it or it ends the line.
  bool read_escape(std::size_t& i) {
    if (i + 1 >= line_.size()) return false;
    char c = line_[i + 1];
    if (const char* fixed = fixed_escape(c)) {
      if (c == '0') {
        unescaped_ += '\0';
      } else {
        unescaped_ += fixed;
      }
      i += 2;
      return true;
    }
    std::size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (digits == 0 || i + 2 + digits > line_.size()) return false;
    std::uint32_t value = 0;
    for (std::size_t d = 0; d < digits; ++d) {
      char h = line_[i + 2 + d];
      if (!is_hex(h)) return false;
      value = (value << 4) + static_cast<std::uint32_t>(hex_value(h));
    }
    if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) return false;
    append_code_point(unescaped_, value);
    i += 2 + digits;
    return true;
  }

  std::string_view text_;
  std::string_view line_;
  std::size_t line_start_ = 0;
  int line_number_ = 0;
  DocumentBuilder builder_;
  std::vector<Frame> frames_;
  Pending pending_ = Pending::kNone;
  bool started_ = false;
  std::string unescaped_;
};

}  // namespace

std::optional<Document> try_fast_parse(std::string_view text) { return FastParser(text).parse(); }

}  // namespace raci::yaml
