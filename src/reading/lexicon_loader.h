#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/lexicon.h"
#include "reading/yaml_tree.h"

namespace raci {

/// The built-in lexicon: src/data/lexicon.yaml (synonyms, phrases) and
/// src/data/stop_words.txt, embedded at build time. Throws InputError naming the data file
/// only if the build embedded a broken file (a test guards against it).
Lexicon embedded_lexicon();

/// Reads a lexicon mapping, the value of a matrix's `lexicon:` key or a whole --lexicon
/// file: optional keys `synonyms` (a list of groups, each a list of at least two words or
/// phrases), `phrases` and `stop_words` (lists of text). Throws InputError with `file`,
/// line and column for a value of the wrong type, an unknown or repeated key, an empty
/// entry or one without a word, a group of fewer than two entries, and an entry listed in
/// two synonym groups.
Lexicon read_lexicon(const yaml::Node& node, const std::string& file);

/// Reads a --lexicon FILE: YAML whose top level is the mapping read_lexicon reads.
/// Throws InputError for invalid YAML, an empty file and everything read_lexicon rejects.
Lexicon load_lexicon_file(std::string_view text, const std::string& file);

/// Reads a stop word list: one word per line, `#` starts a comment, blank lines ignored.
/// Never fails.
std::vector<std::string> read_word_list(std::string_view text);

/// Adds `extra` to `base`: its synonym groups win (an entry of an extra group leaves the
/// base group that held it, and a base group left with fewer than two entries goes), its
/// phrases and stop words are added. Entries compare case-insensitively. Never fails.
void merge_lexicon(Lexicon& base, const Lexicon& extra);

}  // namespace raci
