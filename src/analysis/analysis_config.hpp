#pragma once
// Every tunable of the analysis, with the defaults the product ships. config/chairhub.toml
// documents each one.
#include "analysis/nudges.hpp"
#include "analysis/posture.hpp"
#include "analysis/sensor_health.hpp"
#include "analysis/sit_session.hpp"
#include "analysis/sitter_profile.hpp"

namespace chairhub {

struct OccupancyConfig {
  double on_kg = 15;       // seat load at which someone is sitting...
  double off_kg = 8;       // ...and below which they have left (hysteresis)
  double debounce_s = 2;   // either must hold this long
};

struct FeetConfig {
  double pad_contact = 0.25;  // a foot pad at or above this contact has a foot on it
  double dwell_s = 3;
  // Without foot pads: the seat carrying this much more than in the upright baseline means the
  // legs' weight is on the seat, i.e. the feet are tucked or dangling.
  double seat_rise = 0.08;
};

struct BaselineConfig {
  double default_cop_x = 0;  // where upright sitting puts the weight before a baseline is known
  double default_cop_y = 0;
  double auto_learn_s = 30;  // learn the sitter's upright from this much upright sitting; 0 = never
};

struct AnalysisConfig {
  double smoothing_s = 0.4;  // time constant of the exponential smoothing
  HealthConfig health;
  OccupancyConfig occupancy;
  PostureConfig posture;
  FeetConfig feet;
  BaselineConfig baseline;
  BreakConfig breaks;
  NudgeConfig nudges;
  ProfileConfig profiles;
};

}  // namespace chairhub
