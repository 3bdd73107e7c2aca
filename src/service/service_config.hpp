#pragma once
// The [service] section of the config: what the daemon runs on and how it behaves.
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "core/section_reader.hpp"

namespace chairhub {

// Where the daemon's samples come from ([service] source).
enum class SourceKind {
  simulated,  // a synthetic sitter, built in or from a scenario file
  hardware,   // the chair's HX711s and ADS1115 through hw/
  devices,    // the real drivers on software models of the chips, loaded by the synthetic sitter
  log,        // a recording played as if live
};
std::string_view to_string(SourceKind kind);
std::optional<SourceKind> source_kind_from_string(std::string_view text);
// hardware and devices open chips (and wait for them); the others are there or not.
inline bool reads_chips(SourceKind kind) { return kind == SourceKind::hardware || kind == SourceKind::devices; }

struct QuietHours {
  int from_min = 0, to_min = 0;  // minutes after local midnight; from > to wraps past midnight
  bool contains(int minute_of_day) const;
};

struct ServiceConfig {
  SourceKind source = SourceKind::hardware;  // never a made-up sitter unless the config says so
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

// Reads the [service] section of the config's root, recording every problem as
// "<file>:<line>: service.<key>: ..."; paths are made relative to the config file's folder.
ServiceConfig read_service_config(const SectionReader& root);
// The files and folders [service] names, checked as chairhubd will use them: the log a `log`
// source plays and the state folder when the config sets one (chairhubd checks the folder it
// really uses at start, which systemd may choose: state_directory in session_keeper.hpp).
void check_service_files(const SectionReader& root, const ServiceConfig& c);
// The same alone; throws ConfigError with every problem of the section.
ServiceConfig service_config_from_toml(const toml::table& root, const std::string& config_path);

// The scenario the built-in simulated chair plays when none is configured.
extern const char* const kBuiltInScenario;

}  // namespace chairhub
