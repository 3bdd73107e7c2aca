#include "cli/event_lines.hpp"

#include <algorithm>
#include <cmath>

#include "events/event_text.hpp"

namespace chairhub::cli {

namespace {

// Seconds of the log as h:mm:ss.
std::string log_time(double t) {
  const long long s = std::llround(std::max(t, 0.0));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

}  // namespace

std::string event_line(const Event& event) { return log_time(event.t) + "  " + describe(event); }

// Carriage return and "erase to the end of the line".
constexpr const char* kClearLine = "\r\033[K";

void TextLinesSink::on_event(const Event& event) {
  std::fprintf(out_, "%s%s\n", kClearLine, event_line(event).c_str());
  std::fflush(out_);
}

ProgressLine::~ProgressLine() {
  if (shown_) std::fprintf(out_, "%s", kClearLine);
}

void ProgressLine::update(double t) {
  const auto now = std::chrono::steady_clock::now();
  if (now < next_) return;
  next_ = now + std::chrono::milliseconds(250);
  std::fprintf(out_, "%sreplaying: %s of the log", kClearLine, log_time(t).c_str());
  std::fflush(out_);
  shown_ = true;
}

}  // namespace chairhub::cli
