#pragma once
// Talks to systemd through sd_notify: READY, STATUS, WATCHDOG, RELOADING, STOPPING. Does
// nothing when the daemon was not started by systemd (no NOTIFY_SOCKET).
#include <chrono>
#include <optional>
#include <string>

#include "analysis/chair_state.hpp"

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

// The chair in a few words for STATUS= ("seated, slouching, session 12 min, seat_fl stuck").
std::string status_text(const ChairState& state);

}  // namespace chairhub
