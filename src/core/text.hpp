#pragma once
// Small text helpers shared by the readers of outside files (logs, credentials, host names).
#include <string_view>

namespace chairhub {

// `s` without leading and trailing blanks (space, tab, CR, LF, FF, VT).
inline std::string_view trim(std::string_view s) {
  constexpr std::string_view blanks = " \t\r\n\f\v";
  const auto first = s.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(blanks) - first + 1);
}

}  // namespace chairhub
