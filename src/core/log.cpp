#include "core/log.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace chairhub {

bool stderr_is_journal() {
  const char* stream = std::getenv("JOURNAL_STREAM");
  if (stream == nullptr) return false;
  unsigned long long device = 0;
  unsigned long long inode = 0;
  if (std::sscanf(stream, "%llu:%llu", &device, &inode) != 2) return false;
  struct stat st {};
  return ::fstat(STDERR_FILENO, &st) == 0 && st.st_dev == device && st.st_ino == inode;
}

void write_log_line(LogLevel level, std::string_view text) {
  static const bool journal = stderr_is_journal();
  const int n = static_cast<int>(text.size());
  if (journal) {
    std::fprintf(stderr, "<%d>%.*s\n", static_cast<int>(level), n, text.data());
  } else {
    const char* tag = level == LogLevel::error ? "error: " : level == LogLevel::warning ? "warning: " : "";
    std::fprintf(stderr, "%s%.*s\n", tag, n, text.data());
  }
}

Logger stderr_logger(std::string prefix) {
  return [prefix = std::move(prefix)](LogLevel level, std::string_view text) {
    write_log_line(level, prefix + std::string(text));
  };
}

Logger or_silent(Logger logger) {
  if (logger) return logger;
  return [](LogLevel, std::string_view) {};
}

}  // namespace chairhub
