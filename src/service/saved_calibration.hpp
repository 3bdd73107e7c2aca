#pragma once
// The calibration made on the chair's page: calibration.toml in the state folder (the file
// format of calibration/file.hpp), applied over the config's channels and its [calibration]
// file, and under the latest tare. Kept there because chairhubd may not write its config.
#include <string>

#include "calibration/steps.hpp"
#include "core/channel.hpp"
#include "service/journal.hpp"

namespace chairhub {

std::string saved_calibration_file(const std::string& state_dir);
// Applies the saved calibration to `layout`, if there is one; a bad file is said and left out.
void apply_saved_calibration(const std::string& state_dir, ChannelLayout& layout, const Journal& journal);
// Writes it atomically. Throws InputError naming the file.
void save_calibration(const std::string& state_dir, const CalibrationResult& result, const ChannelLayout& layout);

}  // namespace chairhub
