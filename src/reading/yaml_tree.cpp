#include "reading/yaml_tree.h"

#include <fmt/format.h>

namespace raci::yaml {

Kind Node::kind() const { return doc_->nodes_[index_].kind; }

const Mark& Node::mark() const { return doc_->nodes_[index_].mark; }

std::string_view Node::scalar() const {
  const Document::Record& record = doc_->nodes_[index_];
  if (record.kind != Kind::kScalar) return {};
  return std::string_view(doc_->text_).substr(record.first, record.count);
}

std::size_t Node::size() const {
  const Document::Record& record = doc_->nodes_[index_];
  switch (record.kind) {
    case Kind::kSequence: return record.count;
    case Kind::kMap: return record.count / 2;
    default: return 0;
  }
}

Node Node::item(std::size_t i) const { return Node(doc_, doc_->children_[doc_->nodes_[index_].first + i]); }

Entry Node::entry(std::size_t i) const {
  std::size_t at = doc_->nodes_[index_].first + 2 * i;
  return Entry(Node(doc_, doc_->children_[at]), Node(doc_, doc_->children_[at + 1]));
}

std::optional<Node> Node::find(std::string_view key) const {
  if (!is_map()) return std::nullopt;
  for (Entry entry : entries()) {
    if (entry.key.is_scalar() && entry.key.scalar() == key) return entry.value;
  }
  return std::nullopt;
}

Node::ItemIterator Node::begin() const { return {*this, 0}; }

Node::ItemIterator Node::end() const { return {*this, is_sequence() ? size() : 0}; }

Node::EntryRange Node::entries() const { return EntryRange(*this); }

DocumentBuilder::DocumentBuilder() { doc_.nodes_.push_back({}); }

std::uint32_t DocumentBuilder::add(Document::Record record) {
  auto index = static_cast<std::uint32_t>(doc_.nodes_.size());
  doc_.nodes_.push_back(record);
  attach(index);
  return index;
}

void DocumentBuilder::attach(std::uint32_t index) {
  if (!open_.empty()) {
    pending_.push_back(index);
  } else if (!has_root_) {
    doc_.root_ = index;
    has_root_ = true;
  }
}

std::uint32_t DocumentBuilder::add_scalar(const Mark& mark, std::string_view text) {
  auto first = static_cast<std::uint32_t>(doc_.text_.size());
  doc_.text_.append(text);
  return add({mark, first, static_cast<std::uint32_t>(text.size()), Kind::kScalar});
}

std::uint32_t DocumentBuilder::add_null(const Mark& mark) { return add({mark, 0, 0, Kind::kNull}); }

std::uint32_t DocumentBuilder::open(Kind kind, const Mark& mark) {
  std::uint32_t index = add({mark, 0, 0, kind});
  open_.push_back({index, pending_.size()});
  return index;
}

void DocumentBuilder::close() {
  Open done = open_.back();
  open_.pop_back();
  Document::Record& record = doc_.nodes_[done.node];
  record.first = static_cast<std::uint32_t>(doc_.children_.size());
  record.count = static_cast<std::uint32_t>(pending_.size() - done.first_pending);
  doc_.children_.insert(doc_.children_.end(),
                        pending_.begin() + static_cast<std::ptrdiff_t>(done.first_pending), pending_.end());
  pending_.resize(done.first_pending);
}

void DocumentBuilder::add_again(std::uint32_t index) { attach(index); }

Document DocumentBuilder::finish() {
  while (!open_.empty()) close();
  return std::move(doc_);
}

namespace {

std::string describe(const Node& node) {
  static constexpr const char* kKinds[] = {"null", "scalar", "sequence", "mapping"};
  const Mark& mark = node.mark();
  return fmt::format("{} \"{}\" of size {} at line {} column {} pos {}",
                     kKinds[static_cast<int>(node.kind())], node.scalar(), node.size(), mark.line,
                     mark.column, mark.pos);
}

std::string difference_at(const Node& a, const Node& b, const std::string& path) {
  if (a.kind() != b.kind() || a.mark() != b.mark() || a.scalar() != b.scalar() || a.size() != b.size()) {
    return fmt::format("{}: {} vs {}", path.empty() ? "root" : path, describe(a), describe(b));
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::string found;
    if (a.is_sequence()) {
      found = difference_at(a.item(i), b.item(i), fmt::format("{}[{}]", path, i));
    } else {
      Entry x = a.entry(i);
      Entry y = b.entry(i);
      found = difference_at(x.key, y.key, fmt::format("{}.key{}", path, i));
      if (found.empty()) found = difference_at(x.value, y.value, fmt::format("{}.value{}", path, i));
    }
    if (!found.empty()) return found;
  }
  return {};
}

}  // namespace

std::string first_difference(const Node& a, const Node& b) { return difference_at(a, b, ""); }

}  // namespace raci::yaml
