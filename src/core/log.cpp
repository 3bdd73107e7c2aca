#include "core/log.hpp"

#include <cstdio>

namespace chairhub {

Logger stderr_logger() {
  return [](LogLevel level, std::string_view text) {
    std::fprintf(stderr, "<%d>mqtt: %.*s\n", static_cast<int>(level), static_cast<int>(text.size()),
                 text.data());
  };
}

Logger or_silent(Logger logger) {
  if (logger) return logger;
  return [](LogLevel, std::string_view) {};
}

}  // namespace chairhub
