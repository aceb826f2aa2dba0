#include "reading/utf8.h"

#include <string>

#include <gtest/gtest.h>

namespace raci {
namespace {

// ASCII is skipped eight bytes at a time: a bad byte is found wherever it is, before, inside
// or after a block, and valid sequences around it are not mistaken for one.
TEST(Utf8, FindsTheFirstInvalidByteAnywhere) {
  for (std::size_t size : {1u, 7u, 8u, 9u, 16u, 23u, 40u}) {
    EXPECT_EQ(utf8::find_invalid(std::string(size, 'a')), std::string::npos) << size;
    for (std::size_t at = 0; at < size; ++at) {
      std::string text(size, 'a');
      text[at] = '\xFF';
      EXPECT_EQ(utf8::find_invalid(text), at) << size << " " << at;
      // A lone continuation byte, and a lead byte cut short at the end.
      text[at] = '\x80';
      EXPECT_EQ(utf8::find_invalid(text), at) << size << " " << at;
    }
    EXPECT_EQ(utf8::find_invalid(std::string(size, 'a') + "\xC3"), size);
  }
  EXPECT_EQ(utf8::find_invalid("team’s café 😀 plan, and more ASCII after it"), std::string::npos);
  EXPECT_EQ(utf8::find_invalid("12345678é12345678\xC0\xAF"), 18u);  // an overlong '/'
  EXPECT_EQ(utf8::find_invalid(""), std::string::npos);
}

}  // namespace
}  // namespace raci
