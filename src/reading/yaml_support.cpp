#include "reading/yaml_support.h"

#include <algorithm>
#include <limits>
#include <set>
#include <sstream>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "reading/utf8.h"
#include "reading/yaml_fast_parser.h"

namespace raci::yaml {

std::string_view kind_name(const Node& node) {
  switch (node.kind()) {
    case Kind::kSequence: return "a list";
    case Kind::kMap: return "a mapping";
    case Kind::kScalar: return "text";
    default: return "nothing";
  }
}

SourceLocation location(const std::string& file, const Mark& mark) {
  if (mark.is_null()) return {file};
  return {file, mark.line + 1, mark.column + 1};
}

namespace {

SourceLocation location(const std::string& file, const YAML::Mark& mark) {
  return location(file, Mark{mark.pos, mark.line, mark.column});
}

std::size_t saturating_add(std::size_t a, std::size_t b) {
  return a > std::numeric_limits<std::size_t>::max() - b ? std::numeric_limits<std::size_t>::max() : a + b;
}

InputError too_deep(SourceLocation where) {
  return InputError(std::move(where), fmt::format("YAML nested more than {} levels deep", kMaxYamlDepth));
}

// Replays the parser's events, counting nodes as TreeLimits does, to throw the
// InputError at the place where a limit is crossed: the events carry the position of each
// alias, which the loaded tree has lost (an alias is the node it names).
class LimitFinder : public YAML::EventHandler {
 public:
  LimitFinder(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add_leaf(mark, anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    add_leaf(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= sizes_.size() || sizes_[anchor] == kStillOpen) {
      throw InputError(location(file_, mark),
                       fmt::format("alias {} names a node that holds it", alias_at(mark)));
    }
    add(sizes_[anchor], mark, true);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  static constexpr std::size_t kStillOpen = 0;

  struct Open {
    YAML::anchor_t anchor;
    std::size_t size;  // nodes in it so far, itself included
  };

  void add_leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    add(1, mark, false);
    if (anchor) size_of(anchor) = 1;
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (open_.size() >= static_cast<std::size_t>(kMaxYamlDepth)) throw too_deep(location(file_, mark));
    count(1, mark, false);
    if (anchor) size_of(anchor) = kStillOpen;
    open_.push_back({anchor, 1});
  }

  void close() {
    Open done = open_.back();
    open_.pop_back();
    if (done.anchor) size_of(done.anchor) = done.size;
    if (!open_.empty()) open_.back().size = saturating_add(open_.back().size, done.size);
  }

  void add(std::size_t nodes, const YAML::Mark& mark, bool through_alias) {
    count(nodes, mark, through_alias);
    if (!open_.empty()) open_.back().size = saturating_add(open_.back().size, nodes);
  }

  void count(std::size_t nodes, const YAML::Mark& mark, bool through_alias) {
    total_ = saturating_add(total_, nodes);
    if (total_ <= kMaxYamlNodes) return;
    if (through_alias) {
      throw InputError(location(file_, mark), fmt::format("alias {} expands the YAML to more than {} nodes",
                                                          alias_at(mark), kMaxYamlNodes));
    }
    throw InputError(location(file_, mark), fmt::format("YAML holds more than {} nodes", kMaxYamlNodes));
  }

  std::size_t& size_of(YAML::anchor_t anchor) {
    if (anchor >= sizes_.size()) sizes_.resize(anchor + 1, kStillOpen);
    return sizes_[anchor];
  }

  // The alias as written ("*name"), for messages.
  std::string alias_at(const YAML::Mark& mark) const {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) return "\"*\"";
    std::string_view rest = text_.substr(static_cast<std::size_t>(mark.pos));
    std::size_t end = std::min(rest.find_first_of(" \t\r\n,[]{}"), std::size_t{40});
    // Never cut a UTF-8 sequence in two.
    while (end < rest.size() && (static_cast<unsigned char>(rest[end]) & 0xC0) == 0x80) --end;
    return fmt::format("\"{}\"", rest.substr(0, end));
  }

  std::string_view text_;
  const std::string& file_;
  std::vector<Open> open_;
  std::vector<std::size_t> sizes_;  // by anchor; kStillOpen while the node is being read
  std::size_t total_ = 0;
};

// Throws the InputError of the first limit the document crosses, if the parser finds one.
void throw_crossed_limit(std::string_view text, const std::string& file) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  LimitFinder finder(text, file);
  try {
    parser.HandleNextDocument(finder);
  } catch (const YAML::Exception&) {
    // The document loaded (or failed only on depth) before; nothing more to learn here.
  }
}

// Counts the nodes of the loaded tree, each use of an alias as a copy, and measures the
// nesting as written. Each node is visited once: the size of a node met again through an
// alias is remembered (a node is known by its position and kind; a flow mapping that is
// the first key of a block mapping shares both with it, which is() tells apart). So a
// billion laughs costs as much as its text, and a node that holds itself is seen.
class TreeLimits {
 public:
  // False when the tree nests deeper than kMaxYamlDepth, holds more than kMaxYamlNodes
  // nodes, or holds itself.
  bool check(const YAML::Node& root) { return size_of(root, 1) <= kMaxYamlNodes; }

 private:
  static constexpr std::size_t kOverLimit = kMaxYamlNodes + 1;
  static constexpr std::size_t kBeingCounted = 0;

  std::size_t size_of(const YAML::Node& node, int depth) {
    if (!node.IsSequence() && !node.IsMap()) return 1;
    if (depth > kMaxYamlDepth) return kOverLimit;
    const YAML::Mark mark = node.Mark();
    auto& known = sizes_[static_cast<std::uint64_t>(mark.pos) * 2 + (node.IsMap() ? 1 : 0)];
    for (const auto& [other, counted] : known) {
      if (other.is(node)) return counted == kBeingCounted ? kOverLimit : counted;
    }
    known.push_back({node, kBeingCounted});
    std::size_t index = known.size() - 1;
    std::size_t size = 1;
    for (auto it = node.begin(); it != node.end() && size <= kMaxYamlNodes; ++it) {
      if (node.IsMap()) {
        size = saturating_add(size, size_of(it->first, depth + 1));
        size = saturating_add(size, size_of(it->second, depth + 1));
      } else {
        size = saturating_add(size, size_of(*it, depth + 1));
      }
    }
    size = std::min(size, kOverLimit);
    // `known` may have moved: the map grew while the children were counted.
    sizes_[static_cast<std::uint64_t>(mark.pos) * 2 + (node.IsMap() ? 1 : 0)][index].second = size;
    return size;
  }

  std::unordered_map<std::uint64_t, std::vector<std::pair<YAML::Node, std::size_t>>> sizes_;
};

// The line where a second document starts: a `---` line after content, or content after
// a `...` line; 0 when there is one document. Document markers are only ever at the start
// of a line, where no scalar may hold them.
int second_document_line(std::string_view text) {
  bool content = false;  // the first document has begun
  bool ended = false;    // ... a `...` line ended it
  int line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    auto is_marker = [&](std::string_view marker) {
      return line.starts_with(marker) &&
             (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
    };
    if (is_marker("---")) {
      if (content) return line_number;
      content = true;
      continue;
    }
    if (is_marker("...")) {
      ended = content;
      continue;
    }
    std::size_t first = line.find_first_not_of(" \t\r");
    bool blank = first == std::string_view::npos || line[first] == '#';
    if (blank || (!content && line[0] == '%')) continue;  // comments, blank lines, directives
    if (ended) return line_number;
    content = true;
  }
  return 0;
}

// Copies a yaml-cpp tree into a Document. yaml-cpp makes an alias the node it names, so a
// node met again is stored once (found by its mark and kind, told apart by is(), as in
// TreeLimits): a billion laughs costs as much as its text, and a node that holds itself
// becomes a cycle instead of a recursion without end.
class Converter {
 public:
  // Without `*` in the text there is no alias, and no node to meet twice.
  explicit Converter(bool may_alias) : may_alias_(may_alias) {}

  Document convert(const YAML::Node& root) {
    add(root);
    return builder_.finish();
  }

 private:
  void add(const YAML::Node& node) {
    const YAML::Mark yaml_mark = node.Mark();
    const Mark mark{yaml_mark.pos, yaml_mark.line, yaml_mark.column};
    if (!node.IsScalar() && !node.IsSequence() && !node.IsMap()) {
      builder_.add_null(mark);
      return;
    }
    std::vector<std::pair<YAML::Node, std::uint32_t>>* known = nullptr;
    if (may_alias_) {
      known = &seen_[static_cast<std::uint64_t>(yaml_mark.pos) * 8 + static_cast<std::uint64_t>(node.Type())];
      for (const auto& [other, index] : *known) {
        if (other.is(node)) {
          builder_.add_again(index);
          return;
        }
      }
    }
    if (node.IsScalar()) {
      std::uint32_t index = builder_.add_scalar(mark, node.Scalar());
      if (known) known->push_back({node, index});
      return;
    }
    std::uint32_t index = builder_.open(node.IsMap() ? Kind::kMap : Kind::kSequence, mark);
    if (known) known->push_back({node, index});  // before the children, which may name it
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (node.IsMap()) {
        add(it->first);
        add(it->second);
      } else {
        add(*it);
      }
    }
    builder_.close();
  }

  bool may_alias_;
  DocumentBuilder builder_;
  std::unordered_map<std::uint64_t, std::vector<std::pair<YAML::Node, std::uint32_t>>> seen_;
};

Document convert(const YAML::Node& root, std::string_view text) {
  return Converter(text.find('*') != std::string_view::npos).convert(root);
}

}  // namespace

Document parse(std::string_view text, const std::string& file) {
  if (std::optional<Document> fast = try_fast_parse(text)) return std::move(*fast);
  return parse_with_yaml_cpp(text, file);
}

Document parse_with_yaml_cpp(std::string_view text, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion&) {
    // yaml-cpp (0.7 on) stops at 500 levels on its own, far from where ours is crossed.
    throw_crossed_limit(text, file);
    throw too_deep({file});
  } catch (const YAML::ParserException& e) {
    throw InputError(location(file, e.mark), fmt::format("invalid YAML: {}", e.msg));
  }
  if (root.IsNull()) {
    // yaml-cpp 0.7 reads a document that starts with `,` as empty, and says nothing.
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == ',') {
      int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + first, '\n'));
      std::size_t line_start = text.rfind('\n', first);
      int column = static_cast<int>(first - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
      throw InputError({file, line, column}, "invalid YAML: unexpected ','");
    }
  }
  // YAML::Load reads the first document and ignores the rest (YAML::LoadAll is no way to
  // see them: on some inputs yaml-cpp 0.7 finds documents without end).
  if (int line = second_document_line(text)) {
    throw InputError({file, line, 1}, "a second YAML document starts here: expected one document per file");
  }
  if (!TreeLimits().check(root)) {
    throw_crossed_limit(text, file);
    throw InputError({file}, fmt::format("YAML nested more than {} levels deep or holding more than {} nodes",
                                         kMaxYamlDepth, kMaxYamlNodes));
  }
  return convert(root, text);
}

Document load(std::string_view text) {
  if (std::optional<Document> fast = try_fast_parse(text)) return std::move(*fast);
  return convert(YAML::Load(std::string(text)), text);
}

std::optional<double> to_number(std::string_view text) {
  double value = 0;
  if (!YAML::convert<double>::decode(YAML::Node(std::string(text)), value)) return std::nullopt;
  return value;
}

std::optional<bool> to_bool(std::string_view text) {
  bool value = false;
  if (!YAML::convert<bool>::decode(YAML::Node(std::string(text)), value)) return std::nullopt;
  return value;
}

void expect(const Node& node, Kind kind, std::string_view what, const std::string& file) {
  if (node.kind() == kind) return;
  std::string_view wanted = kind == Kind::kMap ? "a mapping" : kind == Kind::kSequence ? "a list" : "text";
  throw InputError(location(file, node.mark()),
                   fmt::format("{} must be {}, found {}", what, wanted, kind_name(node)));
}

void for_each_key(const Node& map, std::initializer_list<std::string_view> allowed, const std::string& file,
                  const std::function<void(std::string_view, const Node&)>& visit) {
  std::set<std::string, std::less<>> seen;
  for (const Entry& entry : map.entries()) {
    const Node& key_node = entry.key;
    if (!key_node.is_scalar()) throw InputError(location(file, key_node.mark()), "keys must be text");
    std::string_view key = key_node.scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string expected;
      for (std::string_view name : allowed)
        expected += fmt::format("{}{}", expected.empty() ? "" : ", ", name);
      throw InputError(location(file, key_node.mark()),
                       fmt::format("unknown key \"{}\" (expected one of: {})", key, expected));
    }
    if (!seen.emplace(key).second) {
      throw InputError(location(file, key_node.mark()), fmt::format("duplicate key \"{}\"", key));
    }
    try {
      visit(key, entry.value);
    } catch (const InputError& e) {
      // yaml-cpp marks an empty value (`key:` and nothing after it) at the token after it,
      // often on a later line; the key is where a person looks for it.
      SourceLocation empty_value = location(file, entry.value.mark());
      if (!entry.value.is_null() || e.where().line != empty_value.line ||
          e.where().column != empty_value.column) {
        throw;
      }
      throw InputError(location(file, key_node.mark()), e.what());
    }
  }
}

std::vector<std::string> text_list(const Node& node, std::string_view what, const std::string& file) {
  std::vector<std::string> out;
  auto add = [&](const Node& item) {
    expect(item, Kind::kScalar, what, file);
    std::string text = utf8::normalize_space(item.scalar());
    if (text.empty()) throw InputError(location(file, item.mark()), fmt::format("empty text in {}", what));
    out.push_back(std::move(text));
  };
  if (node.is_scalar()) {
    add(node);
  } else if (!node.is_null()) {
    expect(node, Kind::kSequence, what, file);
    for (Node item : node) add(item);
  }
  return out;
}

double number(const Node& node, std::string_view what, double min, double max, const std::string& file) {
  if (!node.is_scalar()) {
    throw InputError(location(file, node.mark()), fmt::format("{} must be a number from {} to {}, found {}",
                                                              what, min, max, kind_name(node)));
  }
  std::optional<double> value = to_number(node.scalar());
  if (!value || !(*value >= min && *value <= max)) {
    throw InputError(
        location(file, node.mark()),
        fmt::format("{} must be a number from {} to {}, found \"{}\"", what, min, max, node.scalar()));
  }
  return *value;
}

}  // namespace raci::yaml
