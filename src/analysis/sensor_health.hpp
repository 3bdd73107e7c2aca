#pragma once
// Watches one channel's incoming readings for a missing, saturated or stuck sensor. A fault is
// raised only once the condition has lasted (so one glitch is not a fault) and cleared once the
// readings have been good for a while.
#include <cmath>
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
  SensorHealth(const HealthConfig& cfg, const Limits& limits)
      : cfg_(cfg),
        limits_(limits),
        // unchecked limits never match a finite reading, so the check costs no test of its own
        saturated_at_or_below_(limits.raw_min < limits.raw_max ? limits.raw_min : -HUGE_VAL),
        saturated_at_or_above_(limits.raw_min < limits.raw_max ? limits.raw_max : HUGE_VAL) {}

  enum class Change { none, raised, cleared };
  // Feeds one incoming reading (NaN if missing), before calibration. It runs for every channel
  // of every sample, so the usual case is decided inline in a few comparisons: a healthy
  // channel's reading inside the chip's range and unlike the one before (a run of one is never
  // stuck, stuck_samples being at least 2; NaN fails the comparisons). Anything else, a reading
  // that repeats included, takes the full check.
  Change update(double t, double reading) {
    if (!fault_ && !current_ && current_samples_ > 0 && reading > saturated_at_or_below_ &&
        reading < saturated_at_or_above_ && reading != run_value_ && cfg_.stuck_samples > 1) {
      run_value_ = reading;
      run_since_ = t;
      run_samples_ = 1;
      ++current_samples_;
      return Change::none;
    }
    return check(t, reading);
  }

  std::optional<Fault> fault() const { return fault_; }
  void set_config(const HealthConfig& cfg) { cfg_ = cfg; }
  double fault_since() const { return fault_since_; }

 private:
  Change check(double t, double reading);  // the full check (sensor_health.cpp)
  std::optional<Fault> condition(double t, double reading);

  HealthConfig cfg_;
  Limits limits_;
  double saturated_at_or_below_, saturated_at_or_above_;
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
