#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

namespace raci {

/// What a command handler gets: its arguments (after the command name) and the streams.
struct CommandContext {
  std::vector<std::string> args;
  std::ostream& out;
  std::ostream& err;
};

/// One row of the command table: `raci NAME` runs `run`, `raci --help` lists `summary`.
struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const CommandContext& context);
};

/// Every command, in the order `raci --help` lists them.
const std::vector<Command>& commands();

/// The command line: dispatches to a command, prints `raci: error: ...` for bad usage,
/// bad input and failed writes, and returns the exit status (see exit_status.h).
int run_cli(int argc, char** argv);

/// The closest command name to a mistyped one, or "" when none is close.
std::string suggest_command(std::string_view typed);

/// Bad usage of a command, reported as `raci: error: message` with a hint to `--help`.
class UsageError : public std::runtime_error {
 public:
  UsageError(std::string command, const std::string& message)
      : std::runtime_error(message), command_(std::move(command)) {}
  const std::string& command() const { return command_; }

 private:
  std::string command_;
};

/// Parses a command's arguments: `options` named, `positional` for the inputs. Prints
/// help and returns false for --help; throws UsageError on anything malformed.
bool parse_command_line(const CommandContext& context, std::string_view command, std::string_view usage,
                        std::string_view description,
                        const boost::program_options::options_description& options,
                        const boost::program_options::positional_options_description& positional,
                        boost::program_options::variables_map& values);

// The handlers, one file each under src/cli/.
int run_analyze(const CommandContext& context);
int run_check(const CommandContext& context);
int run_convert(const CommandContext& context);
int run_export(const CommandContext& context);

}  // namespace raci
