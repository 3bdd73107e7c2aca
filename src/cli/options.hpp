#pragma once
// Options several commands share, and the helper that turns them into a config.
#include <CLI/CLI.hpp>
#include <string>

#include "service/daemon_config.hpp"

namespace chairhub::cli {

// --config FILE; without it, the built-in defaults (the standard eight channels).
inline void add_config_option(CLI::App& cmd, std::string& path) {
  cmd.add_option("-c,--config", path, "config file (TOML); default: built-in defaults");
}

// The config of --config, read whole (every section checked, as chairhubd and check-config read
// it; throws ConfigError with every problem), or the built-in defaults without one. The commands
// do not run the daemon's source, so its scenario is not read.
inline DaemonConfig config_from(const std::string& path, bool apply_calibration = true) {
  if (path.empty()) return DaemonConfig{};
  return load_daemon_config(path, {.apply_calibration = apply_calibration, .check_runtime = false});
}

}  // namespace chairhub::cli
