// Letters::parse on arbitrary text: never crashes, and what it parses writes back
// (to_string) as text that parses to the same cell.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "model/letters.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::optional<raci::Letters> letters =
      raci::Letters::parse(std::string_view(reinterpret_cast<const char*>(data), size));
  if (letters) {
    std::optional<raci::Letters> again = raci::Letters::parse(letters->to_string());
    if (!again || *again != *letters) std::abort();
  }
  return 0;
}
