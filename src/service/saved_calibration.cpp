#include "service/saved_calibration.hpp"

#include <filesystem>

#include "calibration/file.hpp"
#include "core/input_error.hpp"

namespace chairhub {

std::string saved_calibration_file(const std::string& state_dir) {
  return (std::filesystem::path(state_dir) / "calibration.toml").string();
}

void apply_saved_calibration(const std::string& state_dir, ChannelLayout& layout, const Journal& journal) {
  const std::string file = saved_calibration_file(state_dir);
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return;
  try {
    apply_calibration(load_calibration(file, layout), layout);
  } catch (const ConfigError& e) {
    for (const auto& p : e.problems()) journal(LogLevel::error, p);
    journal(LogLevel::error, "the calibration made on the chair's page is left out: calibrate again from the page");
  }
}

void save_calibration(const std::string& state_dir, const CalibrationResult& result, const ChannelLayout& layout) {
  std::vector<std::string> comment = result.comment;
  comment.insert(comment.begin(), "Made on the chair's page; it applies over the config's channels and [calibration] file.");
  write_calibration_file(saved_calibration_file(state_dir), format_calibration(result.calibration, layout, comment));
}

}  // namespace chairhub
