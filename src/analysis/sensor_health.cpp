#include "analysis/sensor_health.hpp"

namespace chairhub {

SensorHealth::Change SensorHealth::check(double t, double reading) {
  const auto now = condition(t, reading);
  if (now != current_ || current_samples_ == 0) {
    current_ = now;
    current_since_ = t;
    current_samples_ = 0;
  }
  ++current_samples_;
  const double held = t - current_since_;

  if (!fault_ && now) {
    // Stuck has already waited for its own run length; missing and saturated wait here.
    const bool lasted = now == Fault::stuck || (held >= cfg_.fault_s && current_samples_ >= cfg_.fault_samples);
    if (lasted) {
      fault_ = now;
      fault_since_ = t;
      return Change::raised;
    }
  } else if (fault_ && !now && held >= cfg_.recover_s && current_samples_ >= 2) {
    fault_.reset();
    return Change::cleared;
  }
  return Change::none;
}

std::optional<Fault> SensorHealth::condition(double t, double reading) {
  if (std::isnan(reading)) {
    run_samples_ = 0;
    return Fault::missing;
  }
  if (run_samples_ > 0 && reading == run_value_) {
    ++run_samples_;
  } else {
    run_value_ = reading;
    run_since_ = t;
    run_samples_ = 1;
  }
  if (reading <= saturated_at_or_below_ || reading >= saturated_at_or_above_) return Fault::saturated;
  const bool idle = limits_.clamped && (reading == 0.0 || reading == 1.0);
  if (!idle && run_samples_ >= cfg_.stuck_samples && t - run_since_ >= cfg_.stuck_s) return Fault::stuck;
  return std::nullopt;
}

}  // namespace chairhub
