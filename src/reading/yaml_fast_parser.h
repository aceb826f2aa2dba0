#pragma once

#include <optional>
#include <string_view>

#include "reading/yaml_tree.h"

namespace raci::yaml {

/// Reads the YAML that catalogues are made of, many times faster than yaml-cpp, into the
/// very tree yaml-cpp would give (same nodes, text and marks): block mappings and lists laid
/// out by indentation with spaces (`- key: value` items and lists at their key's indent
/// too), plain text and one-line quoted text, comments, blank lines and empty values, with
/// `\n` or `\r\n` line ends. Returns nothing, never an error, for anything else: anchors,
/// aliases, tags, `[ ]` and `{ }`, `|` and `>`, text over several lines, document markers
/// and directives, tabs and other control characters, a byte order mark, odd indentation,
/// more than kMaxYamlDepth levels or kMaxYamlNodes nodes, and every syntax error; parse
/// then reads the text with yaml-cpp, which reports the errors.
std::optional<Document> try_fast_parse(std::string_view text);

}  // namespace raci::yaml
