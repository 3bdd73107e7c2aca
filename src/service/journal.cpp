#include "service/journal.hpp"

#include <cstdio>

#include "events/event_json.hpp"

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

void JournalSink::on_event(const Event& event) { journal_(LogLevel::info, to_json(event).dump()); }

Logger Journal::logger() const {
  return [this](LogLevel level, std::string_view text) { (*this)(level, text); };
}

}  // namespace chairhub
