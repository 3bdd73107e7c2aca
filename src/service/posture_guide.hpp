#pragma once
// The guided posture calibration (the MQTT command calibrate_postures, live_posture_calibration)
// as the chair's page shows it: its latest progress in the page's terms. The holds go on by
// time, so the page has no "done" to press; the bar fills as the hold's seconds run down.
#include <cstddef>
#include <optional>

#include "mqtt/calibration_progress.hpp"
#include "web/chair_port.hpp"

namespace chairhub {

class PostureGuide {
 public:
  // Remembers each hold's length as first reported, for the bar.
  web::GuideView view(const std::optional<mqtt::CalibrationProgress>& progress);

 private:
  std::size_t step_ = 0;
  int hold_seconds_ = 0;
};

}  // namespace chairhub
