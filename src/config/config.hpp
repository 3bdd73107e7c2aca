#pragma once
// The chairhub configuration file (TOML): channels, calibration and every analysis tunable.
// Sections that belong to other parts ([hardware], [mqtt], [service]) are kept as parsed tables
// for those parts to read. Every problem is reported with file, line and key.
#include <map>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "analysis/analysis_config.hpp"
#include "core/channel.hpp"
#include "core/input_error.hpp"

namespace chairhub {

struct Config {
  std::string path;  // where it was read from; empty for the built-in defaults
  ChannelLayout layout = ChannelLayout::standard();
  AnalysisConfig analysis;
  // Log label -> what it means for `chairhub eval`: a posture name, "empty", or "ignore".
  std::map<std::string, std::string> eval_labels;
  toml::table table;  // the whole parsed file, for sections read by other parts
  // [calibration] file, resolved against the config's directory; empty when not set.
  std::string calibration_file;
};

// All the problems found in one file, one "file:line: key: what" per line.
class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

// Reads and checks a config file; throws ConfigError listing every problem. With
// `apply_calibration` the [calibration] file is read and overrides the channels' calibration;
// without, only its path is resolved (`chairhub calibrate` runs before the file exists).
Config load_config(const std::string& path, bool apply_calibration = true);
// Same, from text (for tests and fuzzing); `name` is used in messages.
Config parse_config(std::string_view text, const std::string& name, bool apply_calibration = true);

}  // namespace chairhub
