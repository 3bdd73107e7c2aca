#pragma once
// The calibration file `chairhub calibrate` writes and the config's `[calibration] file` names:
// one TOML table per channel with the values measured on this chair, which override the
// [[channel]] ones. Seat cells have offset and scale, pads empty and full; a table may hold only
// some of them (a plain tare writes offsets only).
//
//   [seat_fl]
//   offset = 8123.5
//   scale = 4.81e-05
//   [lumbar_l]
//   empty = 910
//   full = 21950
#include <string>
#include <string_view>
#include <vector>

#include "calibration/model.hpp"
#include "core/section_reader.hpp"
#include "core/channel.hpp"

namespace chairhub {

// Parses a calibration file against the config's channels, appending every problem to
// `problems` as "name:line: key: what" (unknown channels and keys, bad numbers, keys of the
// wrong role). Implemented in file_reader.cpp, with the config's [calibration] section.
Calibration parse_calibration(std::string_view text, const std::string& name, const ChannelLayout& layout,
                              std::vector<std::string>& problems);

// Reads a calibration file; throws ConfigError listing its problems.
Calibration load_calibration(const std::string& path, const ChannelLayout& layout);

// The config's [calibration] file = "PATH": resolved against the config's folder into `file`;
// with `apply`, the file is read and its values override the layout's (file_reader.cpp).
void read_calibration_section(const SectionReader& root, bool apply,
                              ChannelLayout& layout, std::string& file);

// The file's text, channels in layout order; `comment` lines go on top, each prefixed "# ".
std::string format_calibration(const Calibration& calibration, const ChannelLayout& layout,
                               const std::vector<std::string>& comment);

// Replaces the calibration file `path` atomically (core/atomic_file.hpp), readable like a
// config. Throws InputError naming the path.
void write_calibration_file(const std::string& path, const std::string& text);

}  // namespace chairhub
