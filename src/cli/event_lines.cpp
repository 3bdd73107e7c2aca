#include "cli/event_lines.hpp"

#include <cmath>

namespace chairhub::cli {

namespace {

// Seconds of the log as h:mm:ss.
std::string log_time(double t) {
  const long long s = std::llround(std::max(t, 0.0));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

std::string minutes(double seconds) { return std::to_string(std::llround(seconds / 60)) + " min"; }

std::string what(const Seated&) { return "someone sat down"; }
std::string what(const StoodUp&) { return "the chair is empty"; }
std::string what(const PostureChange& e) {
  return std::string(to_string(e.posture)) + (e.previous ? ", was " + std::string(to_string(*e.previous)) : "");
}
std::string what(const FeetChange& e) { return e.flat ? "flat on the floor" : "not flat"; }
std::string what(const BreakDue& e) {
  std::string text = "after " + minutes(e.sitting_s) + " of sitting";
  if (!e.movement.name.empty()) text += ": try a " + e.movement.name + ". " + e.movement.how;
  return text;
}
std::string what(const BreakTaken& e) { return minutes(e.away_s) + " away after " + minutes(e.sitting_s) + " of sitting"; }
std::string what(const Nudge& e) { return std::string(to_string(e.reason)) + ": " + std::string(e.message); }
std::string what(const SensorFault& e) { return e.channel + " " + std::string(to_string(e.fault)); }
std::string what(const SensorOk& e) { return e.channel + " reads well again"; }
std::string what(const BaselineUpdate& e) {
  if (!e.baseline) return std::string(to_string(e.source)) + ": " + std::string(e.error);
  return "upright baseline taken (" + std::string(to_string(e.source)) + ")";
}

}  // namespace

std::string event_line(const Event& event) {
  char type[16];
  std::snprintf(type, sizeof type, "%-13s", std::string(to_string(event.type())).c_str());
  return log_time(event.t) + "  " + type + std::visit([](const auto& e) { return what(e); }, event.data);
}

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
