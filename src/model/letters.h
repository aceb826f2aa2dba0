#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace raci {

/// A RACI cell: a set of the letters R, A, C and I. Empty means "not involved".
class Letters {
 public:
  enum Letter : std::uint8_t { kR = 1, kA = 2, kC = 4, kI = 8 };

  constexpr Letters() = default;
  constexpr explicit Letters(std::uint8_t bits) : bits_(bits & 0xF) {}

  /// Parses any combination of R, A, C and I, case-insensitive, optionally separated by
  /// `/`, `,`, `+` or spaces: "A/R", "ar", "R/A" and "RA" are the same cell. "" and "-"
  /// are the empty cell. Returns nullopt for any other character.
  static std::optional<Letters> parse(std::string_view text);

  bool has(Letter letter) const { return (bits_ & letter) != 0; }
  bool empty() const { return bits_ == 0; }
  std::uint8_t bits() const { return bits_; }
  Letters operator|(Letters other) const { return Letters(bits_ | other.bits_); }
  bool operator==(const Letters&) const = default;

  /// The canonical spelling: letters in the order A, R, C, I joined by `/` ("A/R", "C").
  std::string to_string() const;

 private:
  std::uint8_t bits_ = 0;
};

}  // namespace raci
