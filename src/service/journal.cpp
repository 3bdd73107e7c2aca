#include "service/journal.hpp"

#include <unistd.h>

#include <cstdio>
#include <ctime>

#include "events/event_json.hpp"
#include "events/event_text.hpp"

namespace chairhub {

LogLevel log_level_from(const std::string& name) {
  if (name == "error") return LogLevel::error;
  if (name == "warning") return LogLevel::warning;
  if (name == "info") return LogLevel::info;
  if (name == "debug") return LogLevel::debug;
  return LogLevel::notice;
}

void Journal::operator()(LogLevel level, std::string_view text) const {
  if (static_cast<int>(level) > static_cast<int>(level_.load())) return;
  write_log_line(level, text);
}

JournalSink::JournalSink(const Journal& journal)
    : journal_(journal), readable_(!stderr_is_journal() && ::isatty(STDERR_FILENO) == 1) {}

void JournalSink::on_event(const Event& event) {
  if (!readable_) return journal_(LogLevel::info, to_json(event).dump());
  // the samples' time is the monotonic clock's: a person at the terminal wants the clock time
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char clock[16];
  std::strftime(clock, sizeof clock, "%H:%M:%S", &local);
  journal_(LogLevel::info, std::string(clock) + "  " + describe(event));
}

Logger Journal::logger() const {
  return [this](LogLevel level, std::string_view text) { (*this)(level, text); };
}

}  // namespace chairhub
