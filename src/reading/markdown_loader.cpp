#include "reading/markdown_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <cmark.h>
#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

#include "reading/finish.h"
#include "reading/front_matter.h"
#include "reading/identifiers.h"
#include "reading/run_together.h"
#include "reading/text_repair.h"
#include "reading/utf8.h"
#include "reading/yaml_support.h"

namespace raci {

namespace {

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

// An area line is short: a label, not a sentence that introduces a list.
constexpr std::size_t kMaxAreaWords = 8;

// Flattens inline markup to plain text: emphasis, links and code keep their text, line
// breaks become spaces, inline HTML tags are dropped. Walks with cmark's iterator, not by
// recursion: emphasis or images nested a hundred thousand deep must not overflow the stack.
void append_inline_text(cmark_node* node, std::string& out) {
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* child = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER || child == node) continue;
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: out += cmark_node_get_literal(child); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      case CMARK_NODE_HTML_INLINE: {
        std::string_view html = cmark_node_get_literal(child);
        if (html.starts_with("<br") || html.starts_with("<BR")) out += ' ';
        break;
      }
      default: break;  // containers: their children come next
    }
  }
  cmark_iter_free(iter);
}

std::string inline_text(cmark_node* node) {
  std::string out;
  append_inline_text(node, out);
  return out;
}

std::size_t word_count(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + (text.empty() ? 0 : 1);
}

std::string without_trailing_colon(std::string text) {
  while (!text.empty() && (text.back() == ':' || text.back() == ' ')) text.pop_back();
  return text;
}

// A task-list item's box ("[ ] ", "[x] ") is markup, not part of the duty.
std::string without_task_box(std::string text) {
  if (text.size() >= 4 && text[0] == '[' && text[2] == ']' && text[3] == ' ' &&
      (text[1] == ' ' || text[1] == 'x' || text[1] == 'X')) {
    text.erase(0, 4);
  }
  return text;
}

// The heading's role id suffix, as in "Engineering Manager {#EM}".
struct HeadingName {
  std::string name;
  std::optional<std::string> id;
};

HeadingName split_heading_id(const std::string& text) {
  if (text.size() < 4 || text.back() != '}') return {text, std::nullopt};
  std::size_t open = text.rfind("{#");
  if (open == std::string::npos) return {text, std::nullopt};
  std::string id = text.substr(open + 2, text.size() - open - 3);
  std::string name = utf8::normalize_space(text.substr(0, open));
  return {name, id};
}

class PageReader {
 public:
  PageReader(std::string_view text, const std::string& file) : text_(text), file_(file) {
    model_.source_file = file;
    starters_ = DutyStarters::embedded();
  }

  Model read() {
    std::string body(text_);
    FrontMatter front = take_front_matter(body);
    read_front_matter(front);

    NodePtr document(cmark_parse_document(body.data(), body.size(), CMARK_OPT_SOURCEPOS), &cmark_node_free);
    choose_heading_levels(document.get());
    collect_duty_starters(document.get());
    for (cmark_node* block = cmark_node_first_child(document.get()); block; block = cmark_node_next(block)) {
      read_block(block);
    }
    if (model_.roles.empty()) {
      throw InputError({file_, 1},
                       "no roles found: expected one heading per role, "
                       "such as \"## Engineering Manager\"");
    }
    if (model_.duties.empty()) {
      throw InputError(model_.roles.front().source,
                       "no duties found: expected list items under the role headings");
    }
    if (model_.title.empty()) model_.title = std::filesystem::path(file_).stem().string();
    assign_default_role_ids();
    finish_model(model_);
    return std::move(model_);
  }

 private:
  SourceLocation at(cmark_node* node) const {
    return {file_, cmark_node_get_start_line(node), cmark_node_get_start_column(node)};
  }
  SourceLocation line_of(cmark_node* node) const { return {file_, cmark_node_get_start_line(node)}; }

  void read_front_matter(const FrontMatter& front) {
    if (front.yaml.empty()) return;
    std::optional<yaml::Document> document;
    try {
      document = yaml::load(front.yaml);
    } catch (const YAML::DeepRecursion& e) {
      // yaml-cpp stops at 500 levels; its message ("bad file") would say nothing.
      model_.findings.push_back({Severity::kWarning,
                                 "front-matter-ignored",
                                 {file_, front.first_line},
                                 "front matter is nested too deep to read; ignored"});
      return;
    } catch (const YAML::Exception& e) {
      model_.findings.push_back({Severity::kWarning,
                                 "front-matter-ignored",
                                 {file_, front.first_line + std::max(0, e.mark.line)},
                                 fmt::format("front matter is not valid YAML ({}); ignored", e.msg)});
      return;
    }
    const yaml::Node node = document->root();
    if (!node.is_map()) return;
    auto text_of = [&](std::string_view key) -> std::string {
      std::optional<yaml::Node> value = node.find(key);
      return value && value->is_scalar() ? utf8::normalize_space(value->scalar()) : std::string();
    };
    model_.title = text_of("title");
    model_.description = text_of("description");
    if (std::optional<yaml::Node> ids = node.find("role_ids"); ids && ids->is_map()) {
      for (const yaml::Entry& entry : ids->entries()) {
        if (!entry.key.is_scalar() || !entry.value.is_scalar()) continue;
        std::string id(entry.value.scalar());
        SourceLocation where{file_, front.first_line + entry.value.mark().line,
                             entry.value.mark().column + 1};
        if (!is_valid_role_id(id)) throw invalid_role_id(where, id);
        front_matter_ids_[utf8::normalize_space(entry.key.scalar())] = {id, where};
      }
    }
  }

  static InputError invalid_role_id(const SourceLocation& where, const std::string& id) {
    return InputError(where, fmt::format("invalid role id \"{}\": expected a letter, then up to 15 "
                                         "letters, digits, '_' or '-'",
                                         id));
  }

  // A single top-level heading followed by deeper ones is the page title; the next level
  // holds the roles. Otherwise the top level holds the roles.
  void choose_heading_levels(cmark_node* document) {
    std::vector<int> levels;
    for (cmark_node* n = cmark_node_first_child(document); n; n = cmark_node_next(n)) {
      if (cmark_node_get_type(n) == CMARK_NODE_HEADING) levels.push_back(cmark_node_get_heading_level(n));
    }
    if (levels.empty()) return;
    int top = *std::min_element(levels.begin(), levels.end());
    auto count_top = std::count(levels.begin(), levels.end(), top);
    std::set<int> deeper;
    for (int level : levels) {
      if (level > top) deeper.insert(level);
    }
    if (count_top == 1 && levels.front() == top && !deeper.empty()) {
      title_level_ = top;
      role_level_ = *deeper.begin();
    } else {
      role_level_ = top;
    }
  }

  // The first word of every list item starts a duty on this page: a run-together item
  // whose second half starts with one of these is split.
  void collect_duty_starters(cmark_node* document) {
    NodeIterator iter(document);
    for (cmark_event_type event; (event = iter.next()) != CMARK_EVENT_DONE;) {
      cmark_node* node = iter.node();
      if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_ITEM) continue;
      cmark_node* first = cmark_node_first_child(node);
      if (!first || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH) continue;
      std::string text = utf8::normalize_space(inline_text(first));
      std::size_t end = text.find_first_of(" ,.;:");
      if (end > 0) starters_.add(text.substr(0, end));
    }
  }

  class NodeIterator {
   public:
    explicit NodeIterator(cmark_node* root) : iter_(cmark_iter_new(root)) {}
    ~NodeIterator() { cmark_iter_free(iter_); }
    NodeIterator(const NodeIterator&) = delete;
    NodeIterator& operator=(const NodeIterator&) = delete;
    cmark_event_type next() { return cmark_iter_next(iter_); }
    cmark_node* node() { return cmark_iter_get_node(iter_); }

   private:
    cmark_iter* iter_;
  };

  void read_block(cmark_node* block) {
    switch (cmark_node_get_type(block)) {
      case CMARK_NODE_HEADING: read_heading(block); break;
      case CMARK_NODE_PARAGRAPH: read_paragraph(block); break;
      case CMARK_NODE_LIST:
        if (current_role_) {
          read_list(block, area_);
        } else {
          model_.findings.push_back({Severity::kWarning, "list-outside-role", line_of(block),
                                     "list before the first role heading is ignored"});
        }
        break;
      default: break;  // code, quotes, HTML and rules carry no duties
    }
  }

  void read_heading(cmark_node* heading) {
    int level = cmark_node_get_heading_level(heading);
    std::string text = repaired(inline_text(heading), line_of(heading));
    if (level == title_level_) {
      if (model_.title.empty()) model_.title = text;
      return;
    }
    if (level == role_level_) {
      start_role(split_heading_id(text), heading);
      return;
    }
    if (level > role_level_ && current_role_) area_ = without_trailing_colon(text);
  }

  void start_role(HeadingName heading, cmark_node* node) {
    SourceLocation where = at(node);
    if (heading.name.empty()) throw InputError(where, "role heading has no name");
    for (const Role& role : model_.roles) {
      if (role.name == heading.name) {
        throw InputError(
            where, fmt::format("duplicate role \"{}\" (first at line {})", role.name, role.source.line));
      }
    }
    std::string id;
    if (heading.id) {
      if (!is_valid_role_id(*heading.id)) throw invalid_role_id(where, *heading.id);
      id = *heading.id;
    } else if (auto it = front_matter_ids_.find(heading.name); it != front_matter_ids_.end()) {
      id = it->second.first;
      where = it->second.second;
    }
    // Default ids are handed out once every role is read (see assign_default_role_ids),
    // so a page's own ids win over initials wherever the roles come.
    if (!id.empty() && !role_ids_.take(id)) {
      throw InputError(where, fmt::format("duplicate role id \"{}\"", id));
    }
    model_.roles.push_back({id, heading.name, at(node)});
    current_role_ = model_.roles.size() - 1;
    area_.clear();
  }

  void assign_default_role_ids() {
    for (Role& role : model_.roles) {
      if (role.id.empty()) role.id = role_ids_.unique(role_initials(role.name));
    }
  }

  // A paragraph inside a role is an area when it is a short label ending in `:` or a
  // bold-only line; other paragraphs are prose and carry no duty.
  void read_paragraph(cmark_node* paragraph) {
    if (!current_role_) return;
    std::string text = utf8::normalize_space(inline_text(paragraph));
    cmark_node* first = cmark_node_first_child(paragraph);
    bool bold_only = first && cmark_node_get_type(first) == CMARK_NODE_STRONG &&
                     (!cmark_node_next(first) ||
                      (cmark_node_get_type(cmark_node_next(first)) == CMARK_NODE_TEXT &&
                       !cmark_node_next(cmark_node_next(first)) &&
                       utf8::normalize_space(cmark_node_get_literal(cmark_node_next(first))) == ":"));
    // A label is short and not a sentence: "**Note: reviewed yearly.**" is prose.
    bool short_label = word_count(text) <= kMaxAreaWords && text.find_first_of(".!?") == std::string::npos;
    if (text.empty() || !short_label || !(bold_only || text.ends_with(":"))) return;
    area_ = without_trailing_colon(repaired(text, line_of(paragraph)));
  }

  // Lists nested in items are read depth first, in document order, with a stack of the
  // lists being read instead of recursion: a page may nest lists a million deep.
  void read_list(cmark_node* list, const std::string& area) {
    struct OpenList {
      cmark_node* next_item;
      std::string area;
    };
    std::vector<OpenList> open{{cmark_node_first_child(list), area}};
    while (!open.empty()) {
      cmark_node* item = open.back().next_item;
      if (!item) {
        open.pop_back();
        continue;
      }
      open.back().next_item = cmark_node_next(item);
      ItemContent content = read_item(item, open.back().area);
      // Pushed last to first, so that the first nested list is read first.
      for (auto it = content.nested.rbegin(); it != content.nested.rend(); ++it) {
        open.push_back({cmark_node_first_child(*it), content.nested_area});
      }
    }
  }

  struct ItemContent {
    std::vector<cmark_node*> nested;  // the item's nested lists
    std::string nested_area;          // the area of their duties
  };

  // An item's paragraphs are its text; its nested lists hold more duties. An item that
  // ends in `:` and has a nested list is an area label for that list, not a duty.
  ItemContent read_item(cmark_node* item, const std::string& area) {
    std::string text;
    ItemContent content{{}, area};
    for (cmark_node* child = cmark_node_first_child(item); child; child = cmark_node_next(child)) {
      cmark_node_type type = cmark_node_get_type(child);
      if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
        if (!text.empty()) text += ' ';
        text += inline_text(child);
      } else if (type == CMARK_NODE_LIST) {
        content.nested.push_back(child);
      }
    }
    text = without_task_box(utf8::normalize_space(text));
    SourceLocation where = line_of(item);
    if (!content.nested.empty() && text.ends_with(":")) {
      content.nested_area = without_trailing_colon(repaired(text, where));
      return content;
    }
    if (text.empty()) {
      if (content.nested.empty()) {
        model_.findings.push_back({Severity::kWarning, "empty-item", where, "empty list item ignored"});
      }
    } else {
      add_duties(repaired(text, where), area, where);
    }
    return content;
  }

  void add_duties(const std::string& text, const std::string& area, const SourceLocation& where) {
    std::vector<std::string> pieces = split_run_together(text, starters_);
    if (pieces.size() > 1) {
      std::string quoted;
      for (const std::string& piece : pieces)
        quoted += fmt::format("{}\"{}\"", quoted.empty() ? "" : " and ", piece);
      model_.findings.push_back({Severity::kWarning, "split-run-together", where,
                                 fmt::format("split {} items run together: {}", pieces.size(), quoted)});
    }
    for (std::string& piece : pieces) {
      Duty duty;
      duty.text = std::move(piece);
      duty.role = *current_role_;
      duty.area = area;
      duty.source = where;
      model_.duties.push_back(std::move(duty));
    }
  }

  // Normalises white space and undoes mojibake, reporting the repair.
  std::string repaired(const std::string& raw, const SourceLocation& where) {
    std::string text = utf8::normalize_space(raw);
    if (std::optional<std::string> fixed = repair_mojibake(text)) {
      auto [before, after] = changed_words(text, *fixed);
      model_.findings.push_back(
          {Severity::kWarning, "repaired-mojibake", where,
           fmt::format("repaired text decoded as Windows-1252: \"{}\" -> \"{}\"", before, after)});
      text = std::move(*fixed);
    }
    return text;
  }

  std::string_view text_;
  std::string file_;
  Model model_;
  DutyStarters starters_;
  UniqueIds role_ids_{""};
  std::map<std::string, std::pair<std::string, SourceLocation>> front_matter_ids_;
  int title_level_ = 0;  // 0: no title heading
  int role_level_ = 1;
  std::optional<std::size_t> current_role_;
  std::string area_;
};

}  // namespace

Model load_markdown(std::string_view text, const std::string& file) { return PageReader(text, file).read(); }

}  // namespace raci
