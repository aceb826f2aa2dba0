#pragma once

#include <string>

#include "model/model.h"

namespace raci {

/// The model as a YAML matrix, schema version 1: title, description, and each role with
/// its areas and duties in model order. A duty is written as plain text unless it carries
/// a given id or explicit letters. Thresholds that differ from the defaults, the matrix's
/// own policy and lexicon, and the recorded decisions follow the roles. Reading the result
/// back gives the same model.
std::string write_yaml_matrix(const Model& model);

}  // namespace raci
