#pragma once
// The daemon's whole configuration, read from one TOML file in one pass: the chair's channels,
// calibration and analysis (config/), [service], [mqtt] and [hardware], and the scenario the
// simulated sources play. Each section's reader lives beside the part it configures; this puts
// them together, so that chairhubd, `chairhub check-config` and the other commands read a config
// the same way and report every problem of every section at once.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "history/history_config.hpp"
#include "web/web_config.hpp"
#include "hw/config/hardware_config.hpp"
#include "mqtt/config.hpp"
#include "service/service_config.hpp"
#include "sim/scenario.hpp"

namespace chairhub {

struct DaemonConfig {
  Config chair;  // channels, calibration, analysis tunables, eval labels
  ServiceConfig service;
  mqtt::MqttConfig mqtt;
  HistoryConfig history;
  web::WebConfig web;
  std::optional<hw::HardwareConfig> hardware;  // when the file has a [hardware] table
  // simulated and devices sources: the sitter, the built-in one or [service] scenario (only when
  // read with `check_runtime`).
  std::optional<Scenario> scenario;

  const std::string& path() const { return chair.path; }
};

struct DaemonConfigOptions {
  // Read the [calibration] file and apply it (not before `chairhub calibrate` has made it).
  bool apply_calibration = true;
  // Check what the running daemon needs: the [hardware] wiring, the scenario of a simulated
  // source, and that the files and folders the config names are there and usable. chairhubd and
  // check-config do; commands that do not run the daemon need not.
  bool check_runtime = true;
};

// Reads a config file; throws ConfigError listing every problem, each "file:line: key: what"
// (problems of the files it names carry their own file name).
DaemonConfig load_daemon_config(const std::string& path, const DaemonConfigOptions& options = {});
// Same, from text (tests, fuzzing); `name` is used in messages and for relative paths.
DaemonConfig parse_daemon_config(std::string_view text, const std::string& name, const DaemonConfigOptions& options = {});

// Every problem of a config file, as chairhubd would meet them; empty when it is good.
std::vector<std::string> check_config_file(const std::string& path);

// A reload may change everything but the channels' names and roles (the running analysis and
// the sensor source are built on them): true when those are the same.
bool same_channels(const ChannelLayout& a, const ChannelLayout& b);
// The config again, for a reload of `running`: throws ConfigError with every problem, or when the
// channels changed (that needs a restart).
DaemonConfig reload_daemon_config(const std::string& path, const DaemonConfig& running);

}  // namespace chairhub
