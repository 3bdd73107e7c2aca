#pragma once
// Small text helpers shared by the readers of outside files (logs, credentials, host names).
#include <string>
#include <string_view>

namespace chairhub {

// `s` without leading and trailing blanks (space, tab, CR, LF, FF, VT).
inline std::string_view trim(std::string_view s) {
  constexpr std::string_view blanks = " \t\r\n\f\v";
  const auto first = s.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(blanks) - first + 1);
}

// Input quoted in a message: at most `max` characters, then "...", so a field of garbage gives a
// short message rather than one as long as the garbage.
inline std::string excerpt(std::string_view s, std::size_t max = 40) {
  if (s.size() <= max) return std::string(s);
  return std::string(s.substr(0, max)) + "...";
}

}  // namespace chairhub
