#pragma once
// Small text helpers shared by the readers of outside files (logs, credentials, host names) and
// the writers of HTML (the reports, the chair's page).
#include <istream>
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

// The next line of `in` into `line`, like std::getline but never longer than `max`: the rest of a
// longer line is skipped and `too_long` set, so an endless line (a file that is /dev/zero) cannot
// fill the memory. False at the end of the input.
inline bool read_line_within(std::istream& in, std::string& line, std::size_t max, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  for (int c; (c = in.get()) != std::char_traits<char>::eof();) {
    any = true;
    if (c == '\n') return true;
    if (line.size() < max) line.push_back(static_cast<char>(c));
    else too_long = true;
  }
  return any;
}

// `text` safe inside HTML or SVG, as text or a quoted attribute: names from a config or a
// request become text, never markup.
inline std::string html_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace chairhub
