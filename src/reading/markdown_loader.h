#pragma once

#include <string>
#include <string_view>

#include "model/model.h"

namespace raci {

/// Reads a Markdown role page (CommonMark, via cmark) into a model.
///
/// - Front matter: `title`, `description` and `role_ids` (role name -> id) are used; other
///   keys are ignored, since pages come from wikis that put their own keys there.
/// - Headings: a single top-level heading followed by deeper ones is the title; the
///   level below it (or the top level when there is no title) holds one heading per role;
///   deeper headings are areas. `## Engineering Manager {#EM}` sets the role id.
/// - Areas: a deeper heading, a short paragraph ending in `:`, a bold-only line, or a
///   list item ending in `:` with a nested list.
/// - Duties: list items (bullet or numbered, nested, wrapped), inline markup flattened.
/// - Repairs, each a finding with its line: Windows-1252 mojibake, two items run together.
///
/// `text` must be valid UTF-8 without a BOM (see decode_input_text). Throws InputError
/// when the page has no role heading or no duty at all, or names a role twice.
Model load_markdown(std::string_view text, const std::string& file);

}  // namespace raci
