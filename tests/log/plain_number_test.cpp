#include "log/plain_number.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace chairhub {
namespace {

// The fast path must give exactly std::from_chars's double, down to the sign of zero.
void expect_as_from_chars(const std::string& text) {
  double fast = 0, careful = 0;
  const char* end = parse_plain_number(text.data(), text.data() + text.size(), fast);
  ASSERT_EQ(end, text.data() + text.size()) << text;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), careful);
  ASSERT_EQ(result.ec, std::errc()) << text;
  EXPECT_EQ(std::bit_cast<std::uint64_t>(fast), std::bit_cast<std::uint64_t>(careful)) << text;
  // Inside a row, where eight bytes at a time can be read: the same, ending at the comma.
  const std::string row = text + ",12345678,0";
  double in_row = 0;
  ASSERT_EQ(parse_plain_number(row.data(), row.data() + row.size(), in_row), row.data() + text.size()) << row;
  EXPECT_EQ(std::bit_cast<std::uint64_t>(in_row), std::bit_cast<std::uint64_t>(careful)) << row;
}

TEST(PlainNumber, SameDoubleAsFromChars) {
  for (const char* text : {"0", "-0", "-0.000", "7", "8412345", "-8412345", "0.1", "0.3", "12.345", "-0.125",
                           "28800.0125", "1.0000000000001", "999999999999999", "0.00000000000001", "007.50"})
    expect_as_from_chars(text);
  std::mt19937_64 random(15);
  for (int i = 0; i < 200000; ++i) {
    const int digits = 1 + static_cast<int>(random() % 15);
    const int decimals = static_cast<int>(random() % digits);  // at least one digit before the point
    std::string text = random() % 2 ? "-" : "";
    for (int d = 0; d < digits; ++d) {
      if (decimals > 0 && d == digits - decimals) text += '.';
      text += static_cast<char>('0' + random() % 10);
    }
    expect_as_from_chars(text);
  }
}

// Every byte value after a run of digits ends it (the eight-byte look must not take, say, ':'
// or 0xFA for a digit).
TEST(PlainNumber, AnyOtherByteEndsTheDigits) {
  for (int c = 0; c < 256; ++c) {
    if (c >= '0' && c <= '9') continue;
    const std::string text = "1234" + std::string(1, static_cast<char>(c)) + "5678901234";
    double v = 0;
    const char* end = parse_plain_number(text.data(), text.data() + text.size(), v);
    if (c == '.') {
      EXPECT_EQ(end, text.data() + text.size());
      EXPECT_EQ(v, 1234.5678901234);
    } else {
      EXPECT_EQ(end, text.data() + 4) << c;
      EXPECT_EQ(v, 1234) << c;
    }
  }
}

// The same after the point of a number read from one eight-byte load ("12.3" and one byte).
TEST(PlainNumber, AnyOtherByteEndsTheDecimals) {
  for (int c = 0; c < 256; ++c) {
    if (c >= '0' && c <= '9') continue;
    const std::string text = "12.3" + std::string(1, static_cast<char>(c)) + "456789";
    double v = 0;
    const char* end = parse_plain_number(text.data(), text.data() + text.size(), v);
    EXPECT_EQ(end, text.data() + 4) << c;  // a second point too: the caller refuses the field
    EXPECT_EQ(v, 12.3) << c;
  }
}

TEST(PlainNumber, StopsWhereThePlainNumberEnds) {
  const std::string text = "12.5,3";
  double v = 0;
  EXPECT_EQ(parse_plain_number(text.data(), text.data() + text.size(), v), text.data() + 4);
  EXPECT_EQ(v, 12.5);
}

// What it leaves to the careful path, untouched.
TEST(PlainNumber, LeavesEverythingElse) {
  for (const std::string& text : std::vector<std::string>{"", "-", "+7", ".5", "5.", " 5", "nan", "inf", "1e3" /* stops at 'e' */,
                                 "1234567890123456", "0.0000000000000001", "12345678901234567890123"}) {
    double v = 42;
    const char* end = parse_plain_number(text.data(), text.data() + text.size(), v);
    EXPECT_TRUE(end == nullptr || end != text.data() + text.size()) << text;
    if (end == nullptr) {
      EXPECT_EQ(v, 42) << text;
    }
  }
}

}  // namespace
}  // namespace chairhub
