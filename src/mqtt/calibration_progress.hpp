#pragma once
// How a guided posture calibration asked for over MQTT goes (docs/mqtt.md): which posture to
// hold and for how long, what the sensors see meanwhile, and how it ended. Published on
// `response/calibrate_postures` after the command's first answer.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/posture.hpp"

namespace chairhub::mqtt {

// The command's name, and its response topic's op.
inline constexpr std::string_view kCalibratePosturesOp = "calibrate_postures";

struct CalibrationProgress {
  enum class Stage { hold, done, failed, cancelled };
  Stage stage = Stage::hold;
  nlohmann::ordered_json id;      // the command's "id" (null if none)
  std::optional<std::string> profile;  // whose postures; none: the chair's own model
  std::size_t step = 0, steps = 0;  // 1-based; 0 when it ended before a hold
  Posture posture = Posture::upright;  // to hold now
  std::string ask;                // what the sitter is asked to do
  int seconds_left = 0;
  // What the sensors see: someone seated, and the posture the analysis names (none when nobody sits).
  bool seated = false;
  std::optional<Posture> seen;
  std::string error;              // failed: why, in plain words
  std::vector<std::string> learnt;  // done: the postures of the model
};

// {"status":"progress"|"done"|"failed"|"cancelled","command":"calibrate_postures",...}
nlohmann::ordered_json calibration_progress_payload(const CalibrationProgress& progress);

}  // namespace chairhub::mqtt
