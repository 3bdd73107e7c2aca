#pragma once
// The [service] section of the config: what the daemon runs on and how it behaves.
#include <optional>
#include <string>

#include <toml++/toml.h>

namespace chairhub {

struct QuietHours {
  int from_min = 0, to_min = 0;  // minutes after local midnight; from > to wraps past midnight
  bool contains(int minute_of_day) const;
};

struct ServiceConfig {
  // "hardware", "simulated" (a synthetic sitter), "devices" (the real drivers on software chip
  // models loaded by the synthetic sitter) or "log"
  std::string source = "simulated";
  std::string scenario;              // simulated: a scenario file; empty = the built-in workday
  std::string log;                   // log: the log to play as if live
  double speed = 1;                  // simulated and log: times real time
  std::string state_dir = "/var/lib/chairhub";
  std::string log_level = "notice";  // error, warning, notice, info, debug
  std::optional<QuietHours> quiet_hours;  // no buzzer then
  double escalate_within_min = 35;   // a nudge repeated within this sounds the buzzer too
  double save_interval_s = 60;       // state is also saved at every change of session
  double watchdog_stale_s = 5;       // no sample for this long: the sensor loop is unhealthy
  double hardware_retry_s = 5;       // hardware and devices: sensors not found are tried again this often
  // devices only: the simulated chips are there only while this file exists (no GPIO chip and no
  // I2C bus otherwise), to try how the daemon waits for a chair that is not wired yet
  std::string devices_present_file;
};

// Reads root["service"]; paths are made relative to the config file's folder. Throws
// InputError("<file>:<line>: service.<key>: ...").
ServiceConfig service_config_from_toml(const toml::table& root, const std::string& config_path);

// The scenario the built-in simulated chair plays when none is configured.
extern const char* const kBuiltInScenario;

}  // namespace chairhub
