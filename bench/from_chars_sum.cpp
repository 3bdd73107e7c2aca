#include "from_chars_sum.hpp"

#include <charconv>
#include <cstring>
#include <memory>
#include <string_view>

namespace chairhub::bench {

namespace {

void sum_row(std::string_view line, CsvSum& total) {
  const char* p = line.data();
  const char* const end = p + line.size();
  while (p < end) {
    double value = 0;
    p = std::from_chars(p, end, value).ptr;
    total.sum += value;
    p = static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
    if (p == nullptr) break;
    ++p;
  }
  ++total.rows;
}

}  // namespace

CsvSum from_chars_sum(std::FILE* file) {
  constexpr std::size_t kBlock = 1 << 16;
  const auto buffer = std::make_unique_for_overwrite<char[]>(kBlock);
  CsvSum total;
  bool header_seen = false;
  std::size_t kept = 0;  // bytes of an unfinished line at the start of the buffer
  while (true) {
    const std::size_t got = std::fread(buffer.get() + kept, 1, kBlock - kept, file);
    const std::size_t size = kept + got;
    std::string_view text(buffer.get(), size);
    while (true) {
      auto newline = text.find('\n');
      if (newline == std::string_view::npos) {
        if (got != 0) break;
        if (text.empty()) return total;
        newline = text.size();  // the last line has no line break
      }
      const auto line = text.substr(0, newline);
      if (!line.empty() && line.front() != '#') {
        if (header_seen) sum_row(line, total);
        header_seen = true;
      }
      text.remove_prefix(std::min(newline + 1, text.size()));
    }
    kept = text.size();
    std::memmove(buffer.get(), text.data(), kept);
  }
}

}  // namespace chairhub::bench
