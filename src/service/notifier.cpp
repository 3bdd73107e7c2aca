#include "service/notifier.hpp"

#include <ctime>
#include <systemd/sd-daemon.h>

namespace chairhub {

void Notifier::ready() { sd_notify(0, "READY=1"); }

void Notifier::status(const std::string& text) {
  if (text == last_status_) return;
  last_status_ = text;
  sd_notify(0, ("STATUS=" + text).c_str());
}

void Notifier::watchdog() { sd_notify(0, "WATCHDOG=1"); }

void Notifier::reloading() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  const long long usec = static_cast<long long>(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
  sd_notify(0, ("RELOADING=1\nMONOTONIC_USEC=" + std::to_string(usec)).c_str());
}

void Notifier::stopping() { sd_notify(0, "STOPPING=1"); }

std::optional<std::chrono::microseconds> Notifier::watchdog_period() const {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::microseconds(usec / 2);
}

}  // namespace chairhub
