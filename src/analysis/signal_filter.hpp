#pragma once
// Per-channel conditioning: a median of three drops single-sample spikes (an HX711 read that a
// scheduler hiccup corrupted), then an exponential average smooths the rest. Time comes from
// the samples, so the smoothing is the same at 10 Hz and at 80 Hz.
#include <algorithm>
#include <array>
#include <cmath>

namespace chairhub {

class SignalFilter {
 public:
  explicit SignalFilter(double time_constant_s) : tau_(time_constant_s) {}

  // Feeds one finite reading at time t; returns the filtered value. Inline: it runs for every
  // channel of every sample.
  double update(double t, double value) {
    window_[next_] = value;
    next_ = next_ == 2 ? 0 : next_ + 1;
    if (count_ < 3) ++count_;
    double median = value;
    if (count_ == 3) {
      const double a = window_[0], b = window_[1], c = window_[2];
      median = std::max(std::min(a, b), std::min(std::max(a, b), c));
    }
    if (count_ == 1 || tau_ <= 0) {
      smoothed_ = median;
    } else {
      // Samples mostly come at a steady rate: reuse the weight while the interval is the same.
      // Intervals between decimal timestamps differ in their last bits (0.0125 is not exact),
      // so "the same" is to within a nanosecond, far below any sensor's timing.
      const double dt = std::max(0.0, t - last_t_);
      if (std::abs(dt - alpha_dt_) > kSameIntervalS) set_interval(dt);
      smoothed_ += alpha_ * (median - smoothed_);
    }
    last_t_ = t;
    return smoothed_;
  }
  bool has_value() const { return count_ > 0; }
  double value() const { return smoothed_; }
  // Forget the past, e.g. after a sensor fault, so stale readings do not bleed into new ones.
  void reset() { count_ = next_ = 0; }
  void set_time_constant(double tau_s) {
    tau_ = tau_s;
    alpha_dt_ = -1;
  }

 private:
  static constexpr double kSameIntervalS = 1e-9;
  void set_interval(double dt);  // the weight for a new interval (out of line: it calls exp)
  double tau_;
  std::array<double, 3> window_{};
  int next_ = 0;   // ring position for the next reading
  int count_ = 0;  // readings in the window, up to 3
  double smoothed_ = 0;
  double last_t_ = 0;
  double alpha_dt_ = -1;  // the interval alpha_ was computed for
  double alpha_ = 0;
};

}  // namespace chairhub
