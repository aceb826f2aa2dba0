#include "reading/yaml_tree.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace raci::yaml {
namespace {

// {a: [x, ~], b: text}, built by hand.
Document small_document() {
  DocumentBuilder builder;
  builder.open(Kind::kMap, {0, 0, 0});
  builder.add_scalar({0, 0, 0}, "a");
  builder.open(Kind::kSequence, {5, 1, 2});
  builder.add_scalar({7, 1, 4}, "x");
  builder.add_null({13, 2, 4});
  builder.close();
  builder.add_scalar({15, 3, 0}, "b");
  builder.add_scalar({18, 3, 3}, "text");
  return builder.finish();
}

TEST(YamlTree, AnEmptyDocumentIsANullRootWithANullMark) {
  Document document = DocumentBuilder().finish();
  EXPECT_TRUE(document.root().is_null());
  EXPECT_TRUE(document.root().mark().is_null());
  EXPECT_EQ(document.root().size(), 0u);
}

TEST(YamlTree, KeepsEntriesAndItemsInDocumentOrder) {
  Document document = small_document();
  Node root = document.root();
  ASSERT_TRUE(root.is_map());
  ASSERT_EQ(root.size(), 2u);
  std::vector<std::string> keys;
  for (Entry entry : root.entries()) keys.emplace_back(entry.key.scalar());
  EXPECT_EQ(keys, (std::vector<std::string>{"a", "b"}));
  Node list = root.entry(0).value;
  ASSERT_TRUE(list.is_sequence());
  EXPECT_EQ(list.mark(), (Mark{5, 1, 2}));
  std::vector<Kind> kinds;
  for (Node item : list) kinds.push_back(item.kind());
  EXPECT_EQ(kinds, (std::vector<Kind>{Kind::kScalar, Kind::kNull}));
  EXPECT_EQ(list.item(1).mark(), (Mark{13, 2, 4}));
}

TEST(YamlTree, FindsTheValueOfATextKey) {
  Document document = small_document();
  ASSERT_TRUE(document.root().find("b"));
  EXPECT_EQ(document.root().find("b")->scalar(), "text");
  EXPECT_FALSE(document.root().find("c"));
  EXPECT_FALSE(document.root().find("b")->find("b"));  // a scalar has no keys
}

TEST(YamlTree, OtherKindsHaveNoTextItemsOrEntries) {
  Document document = small_document();
  Node root = document.root();
  EXPECT_EQ(root.scalar(), "");
  int items = 0;
  for (Node item : root) {
    (void)item;
    ++items;
  }
  EXPECT_EQ(items, 0);
  int entries = 0;
  for (Entry entry : root.entry(0).value.entries()) {
    (void)entry;
    ++entries;
  }
  EXPECT_EQ(entries, 0);
}

TEST(YamlTree, ANodeAddedAgainIsTheSameNode) {
  DocumentBuilder builder;
  builder.open(Kind::kSequence, {0, 0, 0});
  std::uint32_t shared = builder.add_scalar({2, 0, 2}, "x");
  builder.add_again(shared);
  Document document = builder.finish();
  EXPECT_TRUE(document.root().item(0).same_as(document.root().item(1)));
}

TEST(YamlTree, FirstDifferenceNamesThePathAndBothNodes) {
  Document a = small_document();
  EXPECT_EQ(first_difference(a.root(), a.root()), "");
  DocumentBuilder builder;
  builder.open(Kind::kMap, {0, 0, 0});
  builder.add_scalar({0, 0, 0}, "a");
  builder.open(Kind::kSequence, {5, 1, 2});
  builder.add_scalar({7, 1, 4}, "y");
  builder.add_null({13, 2, 4});
  builder.close();
  builder.add_scalar({15, 3, 0}, "b");
  builder.add_scalar({18, 3, 3}, "text");
  Document b = builder.finish();
  EXPECT_EQ(first_difference(a.root(), b.root()),
            ".value0[0]: scalar \"x\" of size 0 at line 1 column 4 pos 7 vs scalar \"y\" of size 0 at line 1 "
            "column 4 pos 7");
}

}  // namespace
}  // namespace raci::yaml
