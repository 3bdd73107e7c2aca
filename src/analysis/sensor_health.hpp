#pragma once
// Watches one channel's incoming readings for a missing, saturated or stuck sensor. A fault is
// raised only once the condition has lasted (so one glitch is not a fault) and cleared once the
// readings have been good for a while.
#include <optional>

#include "core/fault.hpp"

namespace chairhub {

struct HealthConfig {
  double fault_s = 0.5;     // missing or saturated this long is a fault
  int fault_samples = 3;    // ... and for at least this many samples
  double stuck_s = 1.0;     // the very same reading this long is a stuck sensor
  int stuck_samples = 8;    // ... and for at least this many samples
  double recover_s = 0.5;   // good readings this long clear a fault
};

class SensorHealth {
 public:
  struct Limits {
    double raw_min = 0, raw_max = 0;  // saturation limits; equal means "not checked"
    bool clamped = false;             // 0 and 1 may legitimately repeat (a calibrated pad at its ends)
  };
  SensorHealth(const HealthConfig& cfg, const Limits& limits) : cfg_(cfg), limits_(limits) {}

  enum class Change { none, raised, cleared };
  // Feeds one incoming reading (NaN if missing), before calibration.
  Change update(double t, double reading);

  std::optional<Fault> fault() const { return fault_; }
  void set_config(const HealthConfig& cfg) { cfg_ = cfg; }
  double fault_since() const { return fault_since_; }

 private:
  std::optional<Fault> condition(double t, double reading);

  HealthConfig cfg_;
  Limits limits_;
  std::optional<Fault> fault_;
  double fault_since_ = 0;
  // The condition seen now and since when (and over how many samples) it has held.
  std::optional<Fault> current_;
  double current_since_ = 0;
  int current_samples_ = 0;
  // Run of identical readings, for stuck detection.
  double run_value_ = 0;
  double run_since_ = 0;
  int run_samples_ = 0;
};

}  // namespace chairhub
