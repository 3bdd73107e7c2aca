#pragma once
// Per-channel conditioning: a median of three drops single-sample spikes (an HX711 read that a
// scheduler hiccup corrupted), then an exponential average smooths the rest. Time comes from
// the samples, so the smoothing is the same at 10 Hz and at 80 Hz.
#include <array>

namespace chairhub {

class SignalFilter {
 public:
  explicit SignalFilter(double time_constant_s) : tau_(time_constant_s) {}

  // Feeds one finite reading at time t; returns the filtered value.
  double update(double t, double value);
  bool has_value() const { return count_ > 0; }
  double value() const { return smoothed_; }
  // Forget the past, e.g. after a sensor fault, so stale readings do not bleed into new ones.
  void reset() { count_ = next_ = 0; }
  void set_time_constant(double tau_s) {
    tau_ = tau_s;
    alpha_dt_ = -1;
  }

 private:
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
