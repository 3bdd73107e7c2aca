#pragma once
// Per-channel conditioning, for every channel of a chair at once: a median of three drops
// single-sample spikes (an HX711 read that a scheduler hiccup corrupted), then an exponential
// average smooths the rest. Time comes from the samples, so the smoothing is the same at 10 Hz
// and at 80 Hz.
//
// It runs for every channel of every sample, so the channels' state is kept as arrays, one per
// quantity (structure of arrays), and a sample that finds every channel in its usual state
// (the common case) is one pass over them without a branch per channel.
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace chairhub {

class SignalFilter {
 public:
  SignalFilter(std::size_t channels, double time_constant_s);

  // Feeds each channel's reading at time t (NaN: none, that channel's state stays as it is);
  // writes each fed channel's filtered value to `out`, leaving the others' untouched.
  void update(double t, std::span<const double> readings, std::span<double> out);
  std::size_t size() const { return smoothed_.size(); }
  bool has_value(std::size_t channel) const { return readings_[channel] > 0; }
  double value(std::size_t channel) const { return smoothed_[channel]; }
  // Forget a channel's past, e.g. after a sensor fault, so stale readings do not bleed into new ones.
  void reset(std::size_t channel);
  void set_time_constant(double tau_s);

 private:
  // Samples mostly come at a steady rate: each channel reuses its weight while its interval is
  // the same. Intervals between decimal timestamps differ in their last bits (0.0125 is not
  // exact), so "the same" is to within a nanosecond, far below any sensor's timing.
  static constexpr double kSameIntervalS = 1e-9;
  void set_interval(std::size_t channel, double dt);  // a channel's weight for a new interval
  void update_channel(std::size_t i, double t, double value);  // channel i's own step
  void count_reading(std::size_t channel);  // one more reading since the reset, up to 2
  // The arithmetic of a step, on values, shared by the vectorised pass and the careful path.
  // Minimum and maximum as plain selects returning values (std::min and std::max return
  // references, which keep the compiler from vectorising); the same results, NaN included.
  static double smaller(double a, double b) { return b < a ? b : a; }
  static double larger(double a, double b) { return a < b ? b : a; }
  static double median_of(double a, double b, double c) { return larger(smaller(a, b), smaller(larger(a, b), c)); }
  // The exponential average moved towards `median` by `alpha`. Smoothing towards an exact 0 (a
  // calibrated pad nobody touches) would end, and stay, in the subnormal doubles, on whose
  // arithmetic x86 takes about a hundred times as long: a value that small is 0.
  static double smoothed_towards(double smoothed, double alpha, double median) {
    const double moved = smoothed + alpha * (median - smoothed);
    return std::abs(moved) < std::numeric_limits<double>::min() ? 0 : moved;
  }

  double tau_;
  // Per channel:
  std::vector<double> previous_, latest_;  // the two readings before this one
  std::vector<int> readings_;              // readings since the last reset, up to 2
  std::vector<double> smoothed_;
  std::vector<double> last_t_;
  std::vector<double> alpha_dt_;  // the interval alpha_ was computed for
  std::vector<double> alpha_;
  // What decides in a few comparisons, not a look at every channel, whether a sample takes the
  // vectorised pass: how many channels are past their first two readings, the time of the
  // latest reading when every channel had it, and the smallest and largest interval of the
  // channels' weights (|dt - interval| is monotonic in the interval, so if both are within a
  // nanosecond of an interval, every channel's is).
  std::size_t settled_ = 0;
  std::optional<double> together_t_;
  double alpha_dt_low_ = -1, alpha_dt_high_ = -1;
};

}  // namespace chairhub
