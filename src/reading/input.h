#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/model.h"

namespace raci {

/// The largest input file read, in bytes: larger ones are refused before reading.
inline constexpr std::size_t kMaxInputBytes = 64u << 20;

/// What kind of input a path names, by its extension.
enum class InputKind { kMarkdown, kYaml };

/// Markdown for .md/.markdown, YAML for .yaml/.yml (case-insensitive); throws InputError
/// for anything else.
InputKind input_kind(const std::string& path);

/// Reads a whole file. Throws InputError when it is missing, a directory, unreadable,
/// larger than kMaxInputBytes, or binary (holds a NUL byte).
std::string read_input_file(const std::string& path);

/// Prepares file bytes for the readers: drops a UTF-8 byte order mark, and repairs bytes
/// that are not UTF-8 by reading them as Windows-1252, adding a finding per line.
std::string decode_input_text(std::string bytes, const std::string& file, std::vector<Finding>& findings);

/// A page of a folder left out because a YAML matrix of the same stem is read instead.
struct ReplacedPage {
  std::string page;
  std::string yaml;
  bool operator==(const ReplacedPage&) const = default;
};

/// Expands the command line's inputs: a file stays as it is; a directory becomes its
/// .md/.markdown/.yaml/.yml files in name order, where a YAML matrix replaces a page of
/// the same stem (it was converted from it and is now the source of truth). The pages so
/// left out are added to `replaced` when it is given.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args,
                                       std::vector<ReplacedPage>* replaced = nullptr);

/// The finding that tells a user a page was left out (info, code page-replaced-by-yaml,
/// at the page).
Finding replaced_page_finding(const ReplacedPage& replaced);

/// Reads one input of either kind into a model.
Model load_input(const std::string& path);

/// The file name without folder and extension: "matrices/lead-roles.md" -> "lead-roles".
std::string input_stem(const std::string& path);

}  // namespace raci
