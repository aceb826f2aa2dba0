#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "model/model.h"

namespace raci {

/// Reads every input named on the command line (folders expanded, see expand_inputs).
/// Throws UsageError when there is none, InputError for the first bad one: all inputs are
/// read before anything is written.
std::vector<Model> load_models(const boost::program_options::variables_map& values,
                               const std::string& command);

/// One finding as `file:line: severity: message [code]`, the severity coloured if asked.
std::string format_finding(const Finding& finding, bool color);

}  // namespace raci
