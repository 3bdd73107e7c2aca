#pragma once
#include <cstdio>

#include "events/event.hpp"

namespace chairhub {

// Writes each event as one JSON line (JSON Lines), flushed so a pipe sees it at once.
class JsonLinesSink : public EventSink {
 public:
  explicit JsonLinesSink(std::FILE* out) : out_(out) {}
  void on_event(const Event& event) override;

 private:
  std::FILE* out_;
};

}  // namespace chairhub
