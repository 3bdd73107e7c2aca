#pragma once
// Events as a person reads them on a terminal: the log time, what happened and the few fields
// that matter, one line each ("0:10:08  posture       slouching, was upright"). The JSON
// lines stay what a pipe, a file or --json gets.
#include <chrono>
#include <cstdio>
#include <string>

#include "events/event.hpp"

namespace chairhub::cli {

// "0:10:08  posture       slouching, was upright" (no newline).
std::string event_line(const Event& event);

// Each line starts by clearing the terminal's line, where a ProgressLine may stand.
class TextLinesSink : public EventSink {
 public:
  explicit TextLinesSink(std::FILE* out) : out_(out) {}
  void on_event(const Event& event) override;

 private:
  std::FILE* out_;
};

// "replaying: 0:12:30 of the log" on a terminal, redrawn in place at most four times a second
// of wall time, and cleared when destroyed: how far a replay at a set speed has come.
class ProgressLine {
 public:
  explicit ProgressLine(std::FILE* out) : out_(out) {}
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  void update(double t);

 private:
  std::FILE* out_;
  std::chrono::steady_clock::time_point next_{};
  bool shown_ = false;
};

}  // namespace chairhub::cli
