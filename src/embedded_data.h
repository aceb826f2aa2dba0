#pragma once

#include <string_view>

/// Data files compiled into the binary (see cmake/Embed.cmake and src/data/).
namespace raci::embedded {

/// src/data/duty_verbs.txt: verbs that start a duty, one per line, `#` comments.
std::string_view duty_verbs();

/// src/data/lexicon.yaml: the overlap search's synonyms and phrases (see model/lexicon.h).
std::string_view lexicon();

/// src/data/policy.yaml: the default assignment policy (see model/policy.h).
std::string_view policy();

/// src/data/stop_words.txt: words dropped before duties are compared, one per line, `#` comments.
std::string_view stop_words();

}  // namespace raci::embedded
