#pragma once
// chairhub calibrate --postures: the sitter holds each posture in turn, upright first, while the
// sensors are read live; their posture model (docs/posture-model.md) is learnt from it and
// written atomically. Bad or incomplete data writes nothing and keeps the previous model.
#include <string>

#include "cli/hardware.hpp"

namespace chairhub::cli {

// `output` empty: <state_dir>/postures.toml, where chairhubd reads it.
void calibrate_postures(const HardwareArgs& hardware, const std::string& output, double hold_s);

}  // namespace chairhub::cli
