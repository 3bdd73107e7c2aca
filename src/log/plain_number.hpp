#pragma once
// The reader's fast path for the numbers logs are made of: an optional '-', digits, and an
// optional '.' with digits ("8412345", "-0.125", "28800.0125"). At most 15 digits in all, so
// the digits are an exact integer in a double, as is the power of ten, and one division,
// which IEEE rounds correctly, gives the same double as std::from_chars. Anything else
// (exponents, "nan", '+', blanks, more digits) is left to the careful path.
#include <bit>
#include <cstdint>
#include <cstring>

namespace chairhub {

namespace plain_number_detail {

inline constexpr std::uint64_t kPowersOfTen[] = {1,         10,         100,         1000,         10000,
                                                 100000,    1000000,    10000000,    100000000,    1000000000,
                                                 10000000000, 100000000000, 1000000000000, 10000000000000,
                                                 100000000000000, 1000000000000000};

// Eight bytes at once (a row's fields are mostly 3 to 8 digits): which of them are digits, and
// the value of a run of digits, each in a few instructions instead of a loop over the bytes.
// Bytes are in memory order, so this needs a little-endian machine (x86-64, arm64).
inline constexpr std::uint64_t kEachByte = 0x0101010101010101;

// Zero in each of the eight bytes that is a digit '0'..'9', not zero in the others, up to the
// first byte of 0xFA or more. A byte is a digit when its high nibble is 3 and adding 6 leaves
// it 3 (so its low nibble is at most 9). A carry out of a byte of 0xFA or more only disturbs
// the bytes after it; that byte itself is marked.
inline std::uint64_t non_digits(std::uint64_t bytes) {
  const std::uint64_t high = 0xF0 * kEachByte;
  return ((bytes & high) | (((bytes + 6 * kEachByte) & high) >> 4)) ^ (0x33 * kEachByte);
}

// How many of the eight bytes, from the first, are digits.
inline int leading_digits(std::uint64_t bytes) {
  return std::countr_zero(non_digits(bytes)) / 8;  // 64 / 8 when all are digits
}

// The value of eight digit values (0..9, the most significant first in memory): pairs, then
// fours, then all eight, each step one multiply.
inline std::uint64_t eight_digit_value(std::uint64_t digits) {
  digits = digits * 10 + (digits >> 8);  // each byte pair: 10 * first + second, in its low byte
  const std::uint64_t pairs = 0x000000FF000000FF;
  return ((digits & pairs) * (100 + (1000000ULL << 32)) + ((digits >> 16) & pairs) * (1 + (10000ULL << 32))) >> 32;
}

// Appends the digits at `p` to `value`, to the first non-digit or `end`; returns where it stopped.
inline const char* append_digits(const char* p, const char* end, std::uint64_t& value) {
  if constexpr (std::endian::native == std::endian::little) {
    while (end - p >= 8) {
      std::uint64_t bytes;
      std::memcpy(&bytes, p, 8);
      const int n = leading_digits(bytes);
      if (n == 0) return p;
      // the n digits moved to the end, zeros (leading zeros) before them
      value = value * kPowersOfTen[n] + eight_digit_value((bytes - '0' * kEachByte) << (8 * (8 - n)));
      p += n;
      if (n < 8) return p;
    }
  }
  while (p != end && static_cast<unsigned char>(*p - '0') < 10) value = value * 10 + static_cast<unsigned>(*p++ - '0');
  return p;
}

// A number that ends inside the eight bytes at `p`, as nearly every reading of a log does: raw
// counts ("8412345,") and calibrated readings with their point ("15.916,", "0.537,"). Both
// runs of digits come from the one load, the point cut out between them, instead of a load for
// each run; the value is the same integer over the same power of ten as append_digits gives.
// Returns where the number ends, or nullptr where it does not end inside the eight bytes (then
// the general path reads it).
inline const char* parse_within_eight(const char* p, double& value) {
  std::uint64_t bytes;
  std::memcpy(&bytes, p, 8);
  const std::uint64_t not_digits = non_digits(bytes);
  const int whole = std::countr_zero(not_digits) / 8;
  if (whole == 0 || whole == 8) return nullptr;
  const std::uint64_t whole_bytes = bytes & ((std::uint64_t{1} << (8 * whole)) - 1);
  int decimals = 0;
  std::uint64_t digit_bytes = whole_bytes;
  if (((bytes >> (8 * whole)) & 0xFF) == '.') {
    if (whole > 6) return nullptr;  // no room for a decimal and the byte after it
    const std::uint64_t after_point = bytes >> (8 * (whole + 1));
    // The digits and the point before carry nothing, so the marks after the point are right up
    // to the first non-digit there. The bytes shifted in count as digits: the byte after the
    // decimals must be one of the eight, so that the number ends there.
    decimals = std::countr_zero(not_digits >> (8 * (whole + 1))) / 8;
    if (decimals == 0 || whole + 1 + decimals >= 8) return nullptr;
    digit_bytes |= after_point << (8 * whole);  // the point cut out
  }
  const int digits = whole + decimals;
  // as in append_digits: the digits moved to the end, whatever was after them shifted out
  const auto integer = static_cast<double>(eight_digit_value((digit_bytes - '0' * kEachByte) << (8 * (8 - digits))));
  value = decimals > 0 ? integer / static_cast<double>(kPowersOfTen[decimals]) : integer;
  return p + digits + (decimals > 0 ? 1 : 0);
}

}  // namespace plain_number_detail

// Parses a plain number at `p`; returns the position after it, or nullptr if what is there is
// not a plain number (then `value` is unchanged). Reads nothing at or past `end`.
inline const char* parse_plain_number(const char* p, const char* end, double& value) {
  using namespace plain_number_detail;
  constexpr long kMaxDigits = 15;
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  if constexpr (std::endian::native == std::endian::little) {
    if (end - p >= 8) {
      if (const char* after = parse_within_eight(p, value)) {
        if (negative) value = -value;
        return after;
      }
    }
  }
  const char* const first = p;
  std::uint64_t digits = 0;  // wraps past 19 digits; refused below anyway
  p = append_digits(p, end, digits);
  if (p == first) return nullptr;
  long decimals = 0;
  if (p != end && *p == '.') {
    const char* const point = ++p;
    p = append_digits(p, end, digits);
    decimals = p - point;
    if (decimals == 0) return nullptr;
  }
  if (p - first - (decimals > 0 ? 1 : 0) > kMaxDigits) return nullptr;
  double v = static_cast<double>(digits);
  if (decimals > 0) v /= static_cast<double>(kPowersOfTen[decimals]);
  value = negative ? -v : v;
  return p;
}

}  // namespace chairhub
