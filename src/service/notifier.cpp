#include "service/notifier.hpp"

#include <ctime>

#include "core/systemd_library.hpp"

namespace chairhub {

void Notifier::ready() { systemd_library().notify(0, "READY=1"); }

void Notifier::status(const std::string& text) {
  if (text == last_status_) return;
  last_status_ = text;
  systemd_library().notify(0, ("STATUS=" + text).c_str());
}

void Notifier::watchdog() { systemd_library().notify(0, "WATCHDOG=1"); }

void Notifier::reloading() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  const long long usec = static_cast<long long>(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
  systemd_library().notify(0, ("RELOADING=1\nMONOTONIC_USEC=" + std::to_string(usec)).c_str());
}

void Notifier::stopping() { systemd_library().notify(0, "STOPPING=1"); }

std::optional<std::chrono::microseconds> Notifier::watchdog_period() const {
  uint64_t usec = 0;
  if (systemd_library().watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::microseconds(usec / 2);
}

std::string status_text(const ChairState& s) {
  std::string text = s.occupied ? "seated" : "chair empty";
  if (s.occupied && s.posture) text += ", " + std::string(to_string(*s.posture));
  if (s.session_start) text += ", session " + std::to_string(static_cast<int>(s.since_break_s.value_or(0) / 60)) + " min";
  if (s.break_due) text += ", break due";
  for (const auto& c : s.channels)
    if (c.fault) text += ", " + c.channel + " " + std::string(to_string(*c.fault));
  return text;
}

}  // namespace chairhub
