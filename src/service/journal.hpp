#pragma once
// chairhubd's log: lines on stderr, "<N>text" when stderr is the journal, which turns the
// prefix into a priority (write_log_line). Quiet by default (notice); every event is logged at info.
#include <atomic>
#include <string>
#include <string_view>

#include "core/log.hpp"
#include "events/event.hpp"

namespace chairhub {


// "error", "warning", "notice", "info" or "debug" (checked by the config loader); notice otherwise.
LogLevel log_level_from(const std::string& name);

class Journal {
 public:
  void set_level(LogLevel level) { level_ = level; }
  void operator()(LogLevel level, std::string_view text) const;
  // The same lines, for the MQTT modules.
  Logger logger() const;

 private:
  std::atomic<LogLevel> level_{LogLevel::notice};  // the MQTT network thread logs here too
};

// Every event at info: its JSON line for the journal, a pipe or a file; on a terminal, the clock
// time and the event in words (events/event_text.hpp).
class JournalSink : public EventSink {
 public:
  explicit JournalSink(const Journal& journal);
  void on_event(const Event& event) override;

 private:
  const Journal& journal_;
  bool readable_;
};

}  // namespace chairhub
