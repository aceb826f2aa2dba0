#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "analysis/pipeline.h"
#include "model/model.h"

namespace raci {

/// Reads every input named on the command line (folders expanded, see expand_inputs).
/// Throws UsageError when there is none, InputError for the first bad one: all inputs are
/// read before anything is written.
std::vector<Model> load_models(const boost::program_options::variables_map& values, const std::string& command);

/// Adds the options that steer the analysis (--policy, --lexicon, thresholds).
void add_analysis_options(boost::program_options::options_description& options);

/// The analysis options given on the command line; reads --policy and --lexicon files.
/// Throws UsageError for a threshold out of range, InputError for a bad file.
AnalysisOptions analysis_options(const boost::program_options::variables_map& values, const std::string& command);

/// The file names of every input, for refuse_to_overwrite_inputs.
std::vector<std::string> input_files(const std::vector<Model>& models);

}  // namespace raci
