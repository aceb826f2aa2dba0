// Feeds arbitrary bytes to the YAML matrix reader the way `raci` does: decoded (a BOM
// dropped, bytes that are not UTF-8 read as Windows-1252), then load_yaml. Where the fast
// YAML parser reads the text, its tree must be the one yaml-cpp gives: else it aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "model/source_location.h"
#include "reading/input.h"
#include "reading/yaml_fast_parser.h"
#include "reading/yaml_loader.h"
#include "reading/yaml_support.h"

namespace {

void check_fast_parser(const std::string& text) {
  std::optional<raci::yaml::Document> fast = raci::yaml::try_fast_parse(text);
  if (!fast) return;
  try {
    raci::yaml::Document slow = raci::yaml::parse_with_yaml_cpp(text, "fuzz.yaml");
    std::string difference = raci::yaml::first_difference(fast->root(), slow.root());
    if (difference.empty()) return;
    std::fprintf(stderr, "the fast YAML parser differs from yaml-cpp: %s\n", difference.c_str());
  } catch (const raci::InputError& e) {
    std::fprintf(stderr, "the fast YAML parser accepts what yaml-cpp rejects: %s\n", e.describe().c_str());
  }
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<raci::Finding> findings;
  std::string text =
      raci::decode_input_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml", findings);
  check_fast_parser(text);
  try {
    raci::load_yaml(text, "fuzz.yaml");
  } catch (const raci::InputError&) {
    // Bad input is reported, not a crash.
  }
  return 0;
}
