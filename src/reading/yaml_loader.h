#pragma once

#include <string>
#include <string_view>

#include "model/model.h"

namespace raci {

/// Reads a YAML matrix, schema version 1 (see README, "YAML matrix"), into a model.
/// Throws InputError with file, line and column for invalid YAML, a value of the wrong
/// type, an unknown or duplicate key, a missing or invalid or duplicate id or name, an
/// unknown role or an invalid letter in `raci`, and an empty duty.
Model load_yaml(std::string_view text, const std::string& file);

}  // namespace raci
