#pragma once
// Events as a person reads them on a terminal: the log time, what happened and the few fields
// that matter, one line each ("0:10:08  posture       slouching, was upright"). The JSON
// lines stay what a pipe, a file or --json gets.
#include <cstdio>
#include <string>

#include "events/event.hpp"

namespace chairhub::cli {

// "0:10:08  posture       slouching, was upright" (no newline).
std::string event_line(const Event& event);

class TextLinesSink : public EventSink {
 public:
  explicit TextLinesSink(std::FILE* out) : out_(out) {}
  void on_event(const Event& event) override;

 private:
  std::FILE* out_;
};

}  // namespace chairhub::cli
