#include "cli/commands.h"

#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/exit_status.h"
#include "model/source_location.h"
#include "version.h"
#include "writing/output_file.h"

namespace raci {

namespace po = boost::program_options;

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"analyze", "find the duties two roles both claim, assign R/A/C/I, check; print it all", run_analyze},
      {"export", "write the workbook and CSVs (x.xlsx, x.matrix.csv, x.cells.csv, x.overlaps.csv, x.findings.csv)",
       run_export},
      {"check", "check role pages and matrices; print findings as file:line: severity: message [code]",
       run_check},
      {"convert", "turn a Markdown role page into a YAML matrix (schema version 1)", run_convert},
  };
  return table;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

void print_main_help(std::ostream& out) {
  fmt::print(out,
             "raci {} - RACI responsibility matrices from role pages and YAML\n\n"
             "usage: raci <command> [options] [inputs]\n"
             "       raci <command> --help\n"
             "       raci --version\n\n"
             "commands:\n",
             kVersion);
  for (const Command& command : commands()) fmt::print(out, "  {:<9} {}\n", command.name, command.summary);
  fmt::print(out,
             "\ninputs: Markdown role pages (.md, .markdown) and YAML matrices (.yaml, .yml);\n"
             "a folder stands for the pages and matrices in it.\n\n"
             "exit status: 0 success, 1 checks failed, 2 usage or input error.\n"
             "example: raci export matrices/ -o output\n");
}

const Command* find_command(std::string_view name) {
  for (const Command& command : commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

}  // namespace

std::string suggest_command(std::string_view typed) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, typed.size() / 3) + 1;
  for (const Command& command : commands()) {
    std::size_t distance = edit_distance(typed, command.name);
    bool prefix = !typed.empty() && command.name.starts_with(typed);
    if (prefix) distance = std::min<std::size_t>(distance, 1);
    if (distance < best_distance) {
      best_distance = distance;
      best = command.name;
    }
  }
  return best;
}

bool parse_command_line(const CommandContext& context, std::string_view command, std::string_view usage,
                        std::string_view description, const po::options_description& options,
                        const po::positional_options_description& positional, po::variables_map& values) {
  po::options_description all;
  all.add_options()("help,h", "show this help");
  for (const auto& option : options.options()) all.add(option);
  po::options_description hidden;
  hidden.add_options()("inputs", po::value<std::vector<std::string>>()->multitoken(), "inputs");
  po::options_description parsed_options;
  parsed_options.add(all).add(hidden);
  try {
    po::store(po::command_line_parser(context.args).options(parsed_options).positional(positional).run(),
              values);
    po::notify(values);
  } catch (const po::error& e) {
    throw UsageError(std::string(command), e.what());
  }
  if (values.count("help")) {
    fmt::print(context.out, "usage: {}\n\n{}\n\noptions:\n", usage, description);
    context.out << all;
    return false;
  }
  return true;
}

int run_cli(int argc, char** argv) {
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  if (args.empty()) {
    print_main_help(err);
    return kExitInputError;
  }
  const std::string& name = args.front();
  if (name == "--help" || name == "-h" || (name == "help" && args.size() == 1)) {
    print_main_help(out);
    return kExitSuccess;
  }
  if (name == "--version" || name == "-V") {
    fmt::print(out, "raci {}\n", kVersion);
    return kExitSuccess;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  const Command* command = find_command(name);
  if (name == "help") {
    command = find_command(rest.front());
    rest = {"--help"};
  }
  if (!command) {
    std::string typed = name == "help" ? args[1] : name;
    std::string suggestion = suggest_command(typed);
    fmt::print(err, "raci: error: unknown command \"{}\"{}\n", typed,
               suggestion.empty() ? "" : fmt::format("; did you mean \"{}\"?", suggestion));
    fmt::print(err, "run 'raci --help' for the list of commands\n");
    return kExitInputError;
  }
  try {
    return command->run({rest, out, err});
  } catch (const UsageError& e) {
    fmt::print(err, "raci: error: {}\nrun 'raci {} --help' for usage\n", e.what(), e.command());
  } catch (const InputError& e) {
    fmt::print(err, "raci: error: {}\n", e.describe());
  } catch (const OutputError& e) {
    fmt::print(err, "raci: error: {}: {}\n", e.path(), e.what());
  } catch (const std::bad_alloc&) {
    fmt::print(err, "raci: error: out of memory\n");
  } catch (const std::exception& e) {
    fmt::print(err, "raci: error: {}\n", e.what());
  }
  out.flush();
  return kExitInputError;
}

}  // namespace raci
