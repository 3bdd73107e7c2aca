#pragma once
// chairhubd: one Boost.Asio event loop that owns the analysis. A reader thread takes samples
// from the source (hardware, simulated chair or log) and posts them into the loop, so neither
// side blocks the other. Events go to MQTT, the LED and buzzer, and the journal. systemd hears
// READY, STATUS, WATCHDOG (only while samples arrive, or while the sensors are waited for),
// RELOADING on SIGHUP and STOPPING. Sensors that are not there are waited for (hardware_retry.hpp).
#include <memory>
#include <optional>
#include <string>

#include "core/exit_status.hpp"

namespace chairhub {

struct DaemonOptions {
  std::string config_path;
  std::optional<std::string> state_dir;  // overrides the config and $STATE_DIRECTORY
  std::optional<std::string> log_level;
};

class Daemon {
 public:
  explicit Daemon(DaemonOptions options);
  ~Daemon();
  // Runs until SIGTERM or SIGINT (or the end of a log source); returns the exit status.
  int run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chairhub
