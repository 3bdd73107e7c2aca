#pragma once
// The chair's part of the configuration file (TOML): channels, calibration and every analysis
// tunable. The sections of the daemon's other parts ([hardware], [mqtt], [service]) are read
// with these by load_daemon_config (service/daemon_config.hpp), in one pass that reports every
// problem of every section; this reader alone serves replay, eval and simulate's tests.
#include <map>
#include <string>
#include <string_view>

#include "analysis/analysis_config.hpp"
#include "core/section_reader.hpp"
#include "core/channel.hpp"
#include "core/input_error.hpp"

namespace chairhub {

struct Config {
  std::string path;  // where it was read from; empty for the built-in defaults
  ChannelLayout layout = ChannelLayout::standard();
  AnalysisConfig analysis;
  // Log label -> what it means for `chairhub eval`: a posture name, "empty", or "ignore".
  std::map<std::string, std::string> eval_labels;
  // [calibration] file, resolved against the config's directory; empty when not set.
  std::string calibration_file;
};

// Reads the chair's sections of a parsed config and flags unknown top-level keys, recording
// every problem. With `apply_calibration` the [calibration] file is read and overrides the
// channels' calibration; without, only its path is resolved (`chairhub calibrate` runs before
// the file exists).
Config read_config(const SectionReader& root, bool apply_calibration);

// Reads and checks a config file's chair sections; throws ConfigError listing every problem.
Config load_config(const std::string& path, bool apply_calibration = true);
// Same, from text (for tests and fuzzing); `name` is used in messages.
Config parse_config(std::string_view text, const std::string& name, bool apply_calibration = true);

}  // namespace chairhub
