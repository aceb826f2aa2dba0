#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace raci::yaml {

/// Where a node starts, 0-based, exactly as yaml-cpp's YAML::Mark has it: `pos` counts bytes
/// from the start of the text. A null mark (all -1) is a document with no node at all.
struct Mark {
  int pos = -1;
  int line = -1;
  int column = -1;

  /// True for the mark of a document with no node.
  bool is_null() const { return line < 0; }
  bool operator==(const Mark&) const = default;
};

/// What a node holds. A null node is an empty value (`key:`), `~` or `null`.
enum class Kind : std::uint8_t { kNull, kScalar, kSequence, kMap };

class Document;
class Entry;

/// A read-only handle on one node of a Document; cheap to copy, valid while the Document
/// lives and is not moved. Never fails: asking a node of one kind about another (the items
/// of a scalar, the text of a list) gives nothing.
class Node {
 public:
  /// What the node holds; the predicates below ask for one kind.
  Kind kind() const;
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_scalar() const { return kind() == Kind::kScalar; }
  bool is_sequence() const { return kind() == Kind::kSequence; }
  bool is_map() const { return kind() == Kind::kMap; }

  /// Where the node starts, as yaml-cpp marks it (an empty value at the token after it).
  const Mark& mark() const;

  /// The text of a scalar, quotes and escapes already resolved; "" for other kinds.
  std::string_view scalar() const;

  /// The items of a sequence or the entries of a mapping; 0 for other kinds.
  std::size_t size() const;

  /// Item `i` of a sequence (i < size()).
  Node item(std::size_t i) const;

  /// Entry `i` of a mapping (i < size()), in document order.
  Entry entry(std::size_t i) const;

  /// The value of the first entry of a mapping whose key is text equal to `key`; nothing
  /// when there is none or the node is no mapping.
  std::optional<Node> find(std::string_view key) const;

  /// Iterates the items of a sequence (`for (Node item : list)`); nothing for other kinds.
  class ItemIterator;
  ItemIterator begin() const;
  ItemIterator end() const;

  /// The entries of a mapping, in document order (`for (Entry e : map.entries())`).
  class EntryRange;
  EntryRange entries() const;

  /// True when both handles name the same node of the same document.
  bool same_as(const Node& other) const { return doc_ == other.doc_ && index_ == other.index_; }

 private:
  friend class Document;
  Node(const Document* doc, std::uint32_t index) : doc_(doc), index_(index) {}

  const Document* doc_;
  std::uint32_t index_;
};

/// A key and its value in a mapping (a key may be any node, not only text).
class Entry {
 public:
  Entry(Node key, Node value) : key(key), value(value) {}
  Node key;
  Node value;
};

/// Walks the items of a sequence by index.
class Node::ItemIterator {
 public:
  ItemIterator(Node node, std::size_t i) : node_(node), i_(i) {}
  Node operator*() const { return node_.item(i_); }
  ItemIterator& operator++() {
    ++i_;
    return *this;
  }
  bool operator!=(const ItemIterator& other) const { return i_ != other.i_; }

 private:
  Node node_;
  std::size_t i_;
};

/// The entries of a mapping, for a range-for; empty for other kinds.
class Node::EntryRange {
 public:
  /// Walks the entries by index.
  class Iterator {
   public:
    Iterator(Node node, std::size_t i) : node_(node), i_(i) {}
    Entry operator*() const { return node_.entry(i_); }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return i_ != other.i_; }

   private:
    Node node_;
    std::size_t i_;
  };

  explicit EntryRange(Node node) : node_(node) {}
  Iterator begin() const { return {node_, 0}; }
  Iterator end() const { return {node_, node_.is_map() ? node_.size() : 0}; }

 private:
  Node node_;
};

/// A YAML document read into one block of memory: the nodes, their children and their
/// text. Build it with DocumentBuilder. A node may be the child of several others (yaml-cpp
/// makes an alias the very node it names), and a document that yaml-cpp read without our
/// limits may even hold a node inside itself, so only walk such a tree with care.
class Document {
 public:
  /// The top node; a null node with a null mark when the document holds nothing.
  Node root() const { return Node(this, root_); }

 private:
  friend class Node;
  friend class DocumentBuilder;

  struct Record {
    Mark mark;
    std::uint32_t first = 0;  // scalar: offset in text_; collection: offset in children_
    std::uint32_t count = 0;  // scalar: bytes; sequence: items; mapping: 2 x entries
    Kind kind = Kind::kNull;
  };

  std::vector<Record> nodes_;            // [0] is the null root of an empty document
  std::vector<std::uint32_t> children_;  // a mapping's are key, value, key, value, ...
  std::string text_;
  std::uint32_t root_ = 0;
};

/// Builds a Document in document order: each node added becomes the next child of the
/// innermost open sequence or mapping (for a mapping: key, value, key, value), or the root
/// when none is open. Never fails; the caller keeps mappings to pairs.
class DocumentBuilder {
 public:
  DocumentBuilder();

  /// Adds a scalar, or a null node, and returns its index.
  std::uint32_t add_scalar(const Mark& mark, std::string_view text);
  std::uint32_t add_null(const Mark& mark);

  /// Adds a sequence or mapping and opens it: the nodes added next are its children until
  /// close(). Returns its index.
  std::uint32_t open(Kind kind, const Mark& mark);

  /// Closes the innermost open sequence or mapping.
  void close();

  /// Adds a node already added before as the next child (an alias: the node it names).
  void add_again(std::uint32_t index);

  /// How many nodes are open (the depth of the next node added).
  std::size_t open_count() const { return open_.size(); }

  /// How many nodes were added (add_again adds none).
  std::size_t node_count() const { return doc_.nodes_.size() - 1; }

  /// Ends the document (closing what is still open) and hands it over.
  Document finish();

 private:
  std::uint32_t add(Document::Record record);
  void attach(std::uint32_t index);

  Document doc_;
  bool has_root_ = false;
  std::vector<std::uint32_t> pending_;  // children of the open nodes, innermost last
  struct Open {
    std::uint32_t node;
    std::size_t first_pending;
  };
  std::vector<Open> open_;
};

/// The first difference between two trees, in document order, as "PATH: what differs" (kind,
/// text, mark or size); "" when they are the same. For the tests and the fuzzer that check
/// the fast parser against yaml-cpp. Neither tree may hold a node inside itself.
std::string first_difference(const Node& a, const Node& b);

}  // namespace raci::yaml
