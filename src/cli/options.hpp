#pragma once
// Options several commands share, and the helper that turns them into a config.
#include <CLI/CLI.hpp>
#include <string>

#include "config/config.hpp"

namespace chairhub::cli {

// --config FILE; without it, the built-in defaults (the standard eight channels).
inline void add_config_option(CLI::App& cmd, std::string& path) {
  cmd.add_option("-c,--config", path, "config file (TOML); default: built-in defaults");
}

inline Config config_from(const std::string& path) { return path.empty() ? Config{} : load_config(path); }

}  // namespace chairhub::cli
