#pragma once

#include <string>

#include "analysis/pipeline.h"
#include "writing/streamed_file.h"

namespace raci {

/// The overlaps as CSV, strongest first: header
/// `kind,score,role_a,duty_a,role_b,duty_b,id_a,id_b,location_a,location_b,shared_terms,resolution`;
/// score with 3 decimals, shared terms joined by "; ", roles by id. Handed to `sink` in
/// pieces of about a megabyte.
void write_overlaps_csv(const Model& model, const Analysis& analysis, const TextSink& sink);

/// The same, as one string.
std::string write_overlaps_csv(const Model& model, const Analysis& analysis);

}  // namespace raci
