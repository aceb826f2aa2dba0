#include "reading/input.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "reading/markdown_loader.h"
#include "reading/utf8.h"
#include "reading/yaml_loader.h"

namespace raci {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_input_extension(const std::string& ext) {
  return ext == ".md" || ext == ".markdown" || ext == ".yaml" || ext == ".yml";
}

}  // namespace

InputKind input_kind(const std::string& path) {
  std::string ext = lower_extension(path);
  if (ext == ".md" || ext == ".markdown") return InputKind::kMarkdown;
  if (ext == ".yaml" || ext == ".yml") return InputKind::kYaml;
  throw InputError({path}, fmt::format("unsupported input type \"{}\": expected a role page "
                                       "(.md, .markdown) or a YAML matrix (.yaml, .yml)",
                                       ext.empty() ? "(no extension)" : ext));
}

std::string read_input_file(const std::string& path) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw InputError({path}, "no such file");
  if (fs::is_directory(status)) throw InputError({path}, "is a directory, expected a file");
  std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxInputBytes) {
    throw InputError({path},
                     fmt::format("file is {} bytes, more than the limit of {} bytes", size, kMaxInputBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path}, "cannot open file for reading");
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxInputBytes) {
      throw InputError({path}, fmt::format("file is more than the limit of {} bytes", kMaxInputBytes));
    }
  }
  if (in.bad()) throw InputError({path}, "read error");
  if (std::size_t nul = bytes.find('\0'); nul != std::string::npos) {
    int line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + nul, '\n'));
    throw InputError({path, line}, "binary file: holds a NUL byte");
  }
  return bytes;
}

std::string decode_input_text(std::string bytes, const std::string& file, std::vector<Finding>& findings) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  if (utf8::find_invalid(bytes) == std::string::npos) return bytes;

  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  int line = 1;
  int reported_line = 0;
  std::string_view view = bytes;
  for (std::size_t i = 0; i < view.size();) {
    std::size_t bad = utf8::find_invalid(view.substr(i));
    std::size_t good_end = bad == std::string_view::npos ? view.size() : i + bad;
    line += static_cast<int>(std::count(view.begin() + i, view.begin() + good_end, '\n'));
    out.append(view.substr(i, good_end - i));
    if (good_end == view.size()) break;
    auto byte = static_cast<unsigned char>(view[good_end]);
    utf8::append(out, utf8::from_windows_1252(byte));
    if (reported_line != line) {
      findings.push_back({Severity::kWarning,
                          "repaired-encoding",
                          {file, line},
                          fmt::format("byte 0x{:02X} is not UTF-8; read as Windows-1252", byte)});
      reported_line = line;
    }
    i = good_end + 1;
  }
  return out;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& args, std::vector<ReplacedPage>* replaced) {
  std::vector<std::string> inputs;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (!fs::is_directory(arg, ec)) {
      inputs.push_back(arg);
      continue;
    }
    std::map<std::string, std::vector<std::string>> by_stem;  // sorted by stem
    for (const fs::directory_entry& entry : fs::directory_iterator(arg, ec)) {
      std::string name = entry.path().filename().string();
      if (name.starts_with(".") || !entry.is_regular_file(ec)) continue;
      if (!is_input_extension(lower_extension(name))) continue;
      by_stem[entry.path().stem().string()].push_back(entry.path().string());
    }
    if (ec) throw InputError({arg}, fmt::format("cannot list folder: {}", ec.message()));
    if (by_stem.empty()) throw InputError({arg}, "folder holds no .md, .markdown, .yaml or .yml file");
    for (auto& [stem, paths] : by_stem) {
      std::sort(paths.begin(), paths.end());
      auto yaml = std::find_if(paths.begin(), paths.end(),
                               [](const std::string& p) { return input_kind(p) == InputKind::kYaml; });
      if (yaml != paths.end()) {
        inputs.push_back(*yaml);
        for (const std::string& path : paths) {
          if (replaced && input_kind(path) == InputKind::kMarkdown) replaced->push_back({path, *yaml});
        }
      } else {
        inputs.insert(inputs.end(), paths.begin(), paths.end());
      }
    }
  }
  return inputs;
}

Finding replaced_page_finding(const ReplacedPage& replaced) {
  return {Severity::kInfo, "page-replaced-by-yaml", {replaced.page},
          fmt::format("left out: {} beside it is read instead (a YAML matrix replaces the page of the same "
                      "name it was converted from; name the page to read it)",
                      replaced.yaml)};
}

Model load_input(const std::string& path) {
  InputKind kind = input_kind(path);
  std::vector<Finding> findings;
  std::string text = decode_input_text(read_input_file(path), path, findings);
  Model model = kind == InputKind::kMarkdown ? load_markdown(text, path) : load_yaml(text, path);
  model.findings.insert(model.findings.begin(), findings.begin(), findings.end());
  sort_findings(model.findings);
  return model;
}

std::string input_stem(const std::string& path) { return fs::path(path).stem().string(); }

}  // namespace raci
