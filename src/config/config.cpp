#include "config/config.hpp"

#include "calibration/file.hpp"
#include "config/sections.hpp"

namespace chairhub {

Config read_config(const SectionReader& root, bool apply_calibration) {
  Config config;
  config.path = root.file();
  root.known_keys({"channel", "signal", "health", "occupancy", "posture", "feet", "baseline", "breaks", "nudges", "profiles",
                   "eval", "hardware", "mqtt", "service", "calibration", "history", "web"});
  read_channels(root, config.layout);
  read_calibration_section(root, apply_calibration, config.layout, config.calibration_file);
  read_analysis(root, config.analysis);
  read_eval_labels(root, config.eval_labels);
  return config;
}

Config parse_config(std::string_view text, const std::string& name, bool apply_calibration) {
  Problems problems;
  const auto table = parse_toml(text, name, problems);
  problems.raise();
  Config config = read_config(SectionReader(*table, "", name, problems), apply_calibration);
  problems.raise();
  return config;
}

Config load_config(const std::string& path, bool apply_calibration) {
  std::string why_not;
  const auto text = read_text_file(path, why_not);
  if (!text) throw ConfigError({path + ": cannot open the config file: " + why_not});
  return parse_config(*text, path, apply_calibration);
}

}  // namespace chairhub
