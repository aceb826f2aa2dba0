#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace raci::utf8 {

/// Decodes valid UTF-8 into code points; an invalid byte becomes U+FFFD.
std::vector<char32_t> decode(std::string_view text);

/// Appends the UTF-8 encoding of one code point.
void append(std::string& out, char32_t code_point);

/// Encodes code points as UTF-8.
std::string encode(const std::vector<char32_t>& code_points);

/// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t find_invalid(std::string_view text);

/// True for white space, including no-break and other Unicode spaces.
bool is_space(char32_t c);

/// The code point a Windows-1252 byte stands for. Bytes the code page leaves undefined
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as most
/// decoders do.
char32_t from_windows_1252(unsigned char byte);

/// The Windows-1252 byte that stands for a code point, or -1 when there is none.
int to_windows_1252(char32_t code_point);

/// Collapses every run of white space (Unicode spaces included) to one ASCII space,
/// drops zero-width characters and trims both ends.
std::string normalize_space(std::string_view text);

}  // namespace raci::utf8
