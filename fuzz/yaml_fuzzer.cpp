// Feeds arbitrary bytes to the YAML matrix reader the way `raci` does: decoded (a BOM
// dropped, bytes that are not UTF-8 read as Windows-1252), then load_yaml.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/source_location.h"
#include "reading/input.h"
#include "reading/yaml_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<raci::Finding> findings;
  std::string text =
      raci::decode_input_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml", findings);
  try {
    raci::load_yaml(text, "fuzz.yaml");
  } catch (const raci::InputError&) {
    // Bad input is reported, not a crash.
  }
  return 0;
}
