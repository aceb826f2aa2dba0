#pragma once

#include "model/model.h"

namespace raci {

/// The last step of every reader, so pages and YAML matrices give the same model:
/// groups each role's duties by area (areas in order of first appearance, stable within),
/// derives the ids the input did not give (see duty_slug), and adds a warning for each
/// role that lists no duty. Throws InputError when two duties were given the same id.
void finish_model(Model& model);

}  // namespace raci
