#pragma once
// Talks to systemd through sd_notify: READY, STATUS, WATCHDOG, RELOADING, STOPPING. Does
// nothing when the daemon was not started by systemd (no NOTIFY_SOCKET).
#include <chrono>
#include <optional>
#include <string>

namespace chairhub {

class Notifier {
 public:
  void ready();
  void status(const std::string& text);
  void watchdog();
  void reloading();  // with MONOTONIC_USEC, as systemd 253+ expects; harmless on 252
  void stopping();
  // Half the watchdog interval systemd asked for, if it asked.
  std::optional<std::chrono::microseconds> watchdog_period() const;

 private:
  std::string last_status_;
};

}  // namespace chairhub
