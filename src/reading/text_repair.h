#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace raci {

/// Undoes UTF-8 text that was decoded as Windows-1252 once (or twice) too often, the
/// classic `teamâ€™s` for `team’s`. Only runs of characters that re-encode to a valid
/// multi-byte UTF-8 sequence are touched, so `café` or `Ålesund` stay as they are.
/// Returns the repaired text, or nullopt when nothing needed repair.
std::optional<std::string> repair_mojibake(std::string_view text);

/// The words around the part where `before` and `after` differ, for messages:
/// ("Reporting on your teamâ€™s status", "Reporting on your team’s status") gives
/// {"teamâ€™s", "team’s"}.
std::pair<std::string, std::string> changed_words(std::string_view before, std::string_view after);

}  // namespace raci
