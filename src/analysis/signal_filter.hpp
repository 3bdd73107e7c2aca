#pragma once
// Per-channel conditioning: a median of three drops single-sample spikes (an HX711 read that a
// scheduler hiccup corrupted), then an exponential average smooths the rest. Time comes from
// the samples, so the smoothing is the same at 10 Hz and at 80 Hz.
#include <algorithm>
#include <cmath>
#include <limits>

namespace chairhub {

class SignalFilter {
 public:
  explicit SignalFilter(double time_constant_s) : tau_(time_constant_s) {}

  // Feeds one finite reading at time t; returns the filtered value. Inline: it runs for every
  // channel of every sample.
  double update(double t, double value) {
    // The median of the latest three readings; of fewer, just after a reset, the reading itself.
    const double median = readings_ == 2 ? median_of(previous_, latest_, value) : value;
    previous_ = latest_;
    latest_ = value;
    if (readings_ == 0 || tau_ <= 0) {
      smoothed_ = median;
      readings_ = std::min(readings_ + 1, 2);
    } else {
      // Samples mostly come at a steady rate: reuse the weight while the interval is the same.
      // Intervals between decimal timestamps differ in their last bits (0.0125 is not exact),
      // so "the same" is to within a nanosecond, far below any sensor's timing.
      const double dt = std::max(0.0, t - last_t_);
      if (std::abs(dt - alpha_dt_) > kSameIntervalS) set_interval(dt);
      smoothed_ += alpha_ * (median - smoothed_);
      // Smoothing towards an exact 0 (a calibrated pad nobody touches) would end, and stay, in
      // the subnormal doubles, on whose arithmetic x86 takes about a hundred times as long: a
      // value that small is 0.
      if (std::abs(smoothed_) < std::numeric_limits<double>::min()) smoothed_ = 0;
      readings_ = 2;
    }
    last_t_ = t;
    return smoothed_;
  }
  bool has_value() const { return readings_ > 0; }
  double value() const { return smoothed_; }
  // Forget the past, e.g. after a sensor fault, so stale readings do not bleed into new ones.
  void reset() { readings_ = 0; }
  void set_time_constant(double tau_s) {
    tau_ = tau_s;
    alpha_dt_ = -1;
  }

 private:
  static constexpr double kSameIntervalS = 1e-9;
  void set_interval(double dt);  // the weight for a new interval (out of line: it calls exp)
  static double median_of(double a, double b, double c) { return std::max(std::min(a, b), std::min(std::max(a, b), c)); }
  double tau_;
  double previous_ = 0, latest_ = 0;  // the two readings before this one
  int readings_ = 0;                  // readings since the last reset, up to 2
  double smoothed_ = 0;
  double last_t_ = 0;
  double alpha_dt_ = -1;  // the interval alpha_ was computed for
  double alpha_ = 0;
};

}  // namespace chairhub
