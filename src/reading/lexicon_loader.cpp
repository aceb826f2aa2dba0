#include "reading/lexicon_loader.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "embedded_data.h"
#include "model/source_location.h"
#include "reading/utf8.h"
#include "reading/yaml_support.h"

namespace raci {

namespace {

// Case-insensitive key for comparing entries: ASCII lower case, spaces collapsed.
std::string fold(std::string_view text) {
  std::string out = utf8::normalize_space(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool holds_word(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

class LexiconReader {
 public:
  explicit LexiconReader(const std::string& file) : file_(file) {}

  Lexicon read(const yaml::Node& node) {
    if (node.is_null()) return lexicon_;
    expect(node, yaml::Kind::kMap, "the lexicon");
    yaml::for_each_key(node, {"synonyms", "phrases", "stop_words", "weak_words"}, file_,
                       [&](std::string_view key, const yaml::Node& value) {
                         if (key == "synonyms") read_synonyms(value);
                         if (key == "phrases") read_list(value, "phrases", "a phrase", lexicon_.phrases);
                         if (key == "stop_words")
                           read_list(value, "stop_words", "a stop word", lexicon_.stop_words);
                         if (key == "weak_words")
                           read_list(value, "weak_words", "a weak word", lexicon_.weak_words);
                       });
    return std::move(lexicon_);
  }

 private:
  SourceLocation location(const yaml::Node& node) const { return yaml::location(file_, node.mark()); }

  void expect(const yaml::Node& node, yaml::Kind kind, std::string_view what) const {
    yaml::expect(node, kind, what, file_);
  }

  std::string entry_text(const yaml::Node& node, std::string_view what) const {
    expect(node, yaml::Kind::kScalar, what);
    std::string text = utf8::normalize_space(node.scalar());
    if (text.empty()) throw InputError(location(node), fmt::format("{} must not be empty", what));
    if (!holds_word(text))
      throw InputError(location(node), fmt::format("{} \"{}\" holds no word", what, text));
    return text;
  }

  void read_list(const yaml::Node& node, std::string_view name, std::string_view what,
                 std::vector<std::string>& out) const {
    if (node.is_null()) return;
    expect(node, yaml::Kind::kSequence, name);
    for (yaml::Node item : node) out.push_back(entry_text(item, what));
  }

  void read_synonyms(const yaml::Node& node) {
    if (node.is_null()) return;
    expect(node, yaml::Kind::kSequence, "synonyms");
    std::map<std::string, int> group_lines;  // folded entry -> line of its group
    for (yaml::Node group_node : node) {
      expect(group_node, yaml::Kind::kSequence, "a synonym group");
      if (group_node.size() < 2) {
        throw InputError(location(group_node), "a synonym group must list at least two entries");
      }
      std::vector<std::string> group;
      int line = location(group_node).line;
      for (yaml::Node item : group_node) {
        std::string text = entry_text(item, "a synonym");
        auto [it, inserted] = group_lines.try_emplace(fold(text), line);
        if (!inserted) {
          throw InputError(location(item), fmt::format("\"{}\" is already in the synonym group at line {}",
                                                       text, it->second));
        }
        group.push_back(std::move(text));
      }
      lexicon_.synonyms.push_back(std::move(group));
    }
  }

  const std::string& file_;
  Lexicon lexicon_;
};

}  // namespace

Lexicon read_lexicon(const yaml::Node& node, const std::string& file) {
  return LexiconReader(file).read(node);
}

Lexicon load_lexicon_file(std::string_view text, const std::string& file) {
  yaml::Document document = yaml::parse(text, file);
  yaml::Node root = document.root();
  if (root.is_null()) {
    throw InputError({file, 1},
                     "empty lexicon: expected a mapping with \"synonyms\", \"phrases\" or \"stop_words\"");
  }
  return read_lexicon(root, file);
}

std::vector<std::string> read_word_list(std::string_view text) {
  std::vector<std::string> words;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    line = line.substr(0, line.find('#'));
    std::string word = utf8::normalize_space(line);
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

Lexicon embedded_lexicon() {
  Lexicon lexicon = load_lexicon_file(embedded::lexicon(), "built-in lexicon.yaml");
  std::vector<std::string> stop_words = read_word_list(embedded::stop_words());
  lexicon.stop_words.insert(lexicon.stop_words.begin(), stop_words.begin(), stop_words.end());
  return lexicon;
}

void merge_lexicon(Lexicon& base, const Lexicon& extra) {
  std::set<std::string> overridden;
  for (const std::vector<std::string>& group : extra.synonyms) {
    for (const std::string& entry : group) overridden.insert(fold(entry));
  }
  std::vector<std::vector<std::string>> kept;
  for (std::vector<std::string>& group : base.synonyms) {
    std::erase_if(group, [&](const std::string& entry) { return overridden.contains(fold(entry)); });
    if (group.size() >= 2) kept.push_back(std::move(group));
  }
  kept.insert(kept.end(), extra.synonyms.begin(), extra.synonyms.end());
  base.synonyms = std::move(kept);
  auto add_new = [](std::vector<std::string>& to, const std::vector<std::string>& from) {
    std::set<std::string> present;
    for (const std::string& entry : to) present.insert(fold(entry));
    for (const std::string& entry : from) {
      if (present.insert(fold(entry)).second) to.push_back(entry);
    }
  };
  add_new(base.phrases, extra.phrases);
  add_new(base.stop_words, extra.stop_words);
  add_new(base.weak_words, extra.weak_words);
}

}  // namespace raci
