#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/command_support.h"
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/progress.h"
#include "reading/input.h"
#include "version.h"
#include "writing/cells_csv.h"
#include "writing/findings_csv.h"
#include "writing/matrix_csv.h"
#include "writing/output_file.h"
#include "writing/overlaps_csv.h"
#include "writing/streamed_file.h"
#include "writing/workbook.h"

namespace raci {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

struct Formats {
  bool csv = false;
  bool xlsx = false;
};

Formats parse_formats(const std::string& list) {
  Formats formats;
  std::size_t start = 0;
  while (true) {
    std::size_t end = list.find(',', start);
    std::string name = list.substr(start, end == std::string::npos ? std::string::npos : end - start);
    // "XLSX", " csv": names are matched without case and surrounding spaces.
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "csv") {
      formats.csv = true;
    } else if (name == "xlsx") {
      formats.xlsx = true;
    } else {
      throw UsageError("export",
                       fmt::format("unknown format \"{}\" in --format: expected xlsx, csv or both", name));
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return formats;
}

// The workbook's creation time: SOURCE_DATE_EPOCH when set (reproducible builds'
// convention), else a fixed date, so the same input always gives the same bytes.
std::int64_t workbook_time() {
  constexpr std::int64_t kFixedTime = 1767225600;  // 2026-01-01T00:00:00Z
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return kFixedTime;
  char* end = nullptr;
  long long value = std::strtoll(epoch, &end, 10);
  if (*end != '\0' || value < 0)
    throw UsageError("export", fmt::format("invalid SOURCE_DATE_EPOCH \"{}\"", epoch));
  return value;
}

}  // namespace

int run_export(const CommandContext& context) {
  process_start();
  po::options_description options;
  options.add_options()("output,o", po::value<std::string>()->default_value("output")->value_name("DIR"),
                        "folder to write into (created if missing)")(
      "format,f", po::value<std::string>()->default_value("xlsx,csv")->value_name("LIST"),
      "comma-separated formats to write: xlsx, csv")(
      "quiet,q", po::bool_switch(),
      "print nothing on standard error but errors: no progress bar, no summary");
  add_analysis_options(options);
  po::positional_options_description positional;
  positional.add("inputs", -1);
  po::variables_map values;
  if (!parse_command_line(context, "export", "raci export INPUT... [-o DIR] [--format LIST] [options]",
                          "Reads and analyses each role page or YAML matrix and writes, for x.md or x.yaml:\n"
                          "  DIR/x.xlsx          the workbook: RACI, Overlaps, Findings, Roles, About\n"
                          "  DIR/x.matrix.csv    id,area,duty, one column of letters per role, then extras\n"
                          "  DIR/x.cells.csv     id,role,letters,from: the matrix's cells, one per line\n"
                          "  DIR/x.overlaps.csv  kind,score,role_a,duty_a,role_b,duty_b, then extras\n"
                          "  DIR/x.findings.csv  severity,code,location,message\n"
                          "Every input is read before anything is written; files are replaced atomically.\n"
                          "example: raci export matrices/ -o output",
                          options, positional, values)) {
    return kExitSuccess;
  }
  Formats formats = parse_formats(values["format"].as<std::string>());
  AnalysisOptions settings = analysis_options(values, "export");
  WorkbookOptions workbook;
  workbook.created = workbook_time();
  workbook.version = kVersion;
  std::vector<Model> models = load_models(values, "export");
  std::string dir = values["output"].as<std::string>();
  std::vector<std::string> inputs = input_files(models);

  // Two inputs with one stem would write the same files.
  std::map<std::string, std::string> stems;
  for (const Model& model : models) {
    auto [it, fresh] = stems.emplace(input_stem(model.source_file), model.source_file);
    if (!fresh) {
      throw UsageError("export", fmt::format("{} and {} would both write {}/{}.*", it->second,
                                             model.source_file, dir, it->first));
    }
  }

  ensure_output_folder(dir);
  // Every target is checked before anything is written, so a bad one writes nothing.
  std::vector<std::string> targets;
  for (const Model& model : models) {
    std::string stem = input_stem(model.source_file);
    if (formats.xlsx) targets.push_back(stem + ".xlsx");
    if (formats.csv) {
      for (const char* suffix : {".matrix.csv", ".cells.csv", ".overlaps.csv", ".findings.csv"}) {
        targets.push_back(stem + suffix);
      }
    }
  }
  for (const std::string& target : targets) {
    std::string path = (fs::path(dir) / target).string();
    refuse_to_overwrite_inputs(path, inputs);
    check_output_file(path);
  }
  remove_leftover_temporaries(dir, targets);
  const bool quiet = values["quiet"].as<bool>();
  ProgressBar progress(context.err,
                       !quiet && &context.err == &std::cerr && ProgressBar::stderr_is_terminal());
  for (const Model& model : models) {
    const std::string& label = model.source_file;
    settings.progress = [&](std::string_view stage, double done) { progress.update(label, stage, done); };
    progress.update(label, "read", -1);
    Analysis analysis = analyze(model, settings);
    std::string base = (fs::path(dir) / input_stem(model.source_file)).string();

    // The workbook on a thread of its own, the CSV files meanwhile on this one: two cores
    // write two files. Each file's bytes are the same either way.
    std::exception_ptr book_failed;
    std::thread book;
    if (formats.xlsx) {
      book = std::thread([&] {
        try {
          WorkbookOptions options = workbook;
          options.progress = [&](double done) { progress.update(label, "writing the workbook", done); };
          options.compressing = [&] { progress.update(label, "compressing the workbook", -1); };
          std::string path = base + ".xlsx";
          write_atomically_with(path, [&](const std::string& temp) {
            try {
              write_workbook(temp, model, analysis, options);
            } catch (const OutputError& e) {
              throw OutputError(path, e.what());  // name the file the user asked for, not the temporary
            }
          });
        } catch (...) {
          book_failed = std::current_exception();
        }
      });
    }
    std::exception_ptr csv_failed;
    try {
      if (formats.csv) {
        if (!formats.xlsx) progress.update(label, "writing the CSV files", -1);
        write_streamed_file(base + ".matrix.csv",
                            [&](const TextSink& sink) { write_matrix_csv(model, analysis.matrix, sink); });
        write_streamed_file(base + ".cells.csv",
                            [&](const TextSink& sink) { write_cells_csv(analysis.matrix, sink); });
        write_streamed_file(base + ".overlaps.csv",
                            [&](const TextSink& sink) { write_overlaps_csv(model, analysis, sink); });
        write_file_atomically(base + ".findings.csv", write_findings_csv(analysis.findings));
      }
    } catch (...) {
      csv_failed = std::current_exception();
    }
    if (formats.csv) progress.mark(label, "CSV files written");
    if (book.joinable()) book.join();
    progress.update(label, "all written", -1);
    progress.clear();
    if (book_failed) std::rethrow_exception(book_failed);
    if (csv_failed) std::rethrow_exception(csv_failed);
    if (quiet) continue;
    std::size_t duplicates = 0;
    for (const Overlap& overlap : analysis.overlaps)
      duplicates += overlap.kind == OverlapKind::kDuplicate ? 1 : 0;
    auto counted = [](std::size_t count, std::string_view one, std::string_view many) {
      return fmt::format("{} {}", count, count == 1 ? one : many);
    };
    fmt::print(context.err, "raci: {}: {}, {}, {} duplicate, {} related, {} -> {}.*\n", model.source_file,
               counted(analysis.matrix.rows.size(), "row", "rows"), counted(analysis.matrix.roles.size(), "role", "roles"),
               duplicates, analysis.overlaps.size() - duplicates,
               counted(analysis.findings.size(), "finding", "findings"), base);
  }
  return kExitSuccess;
}

}  // namespace raci
