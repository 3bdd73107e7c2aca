#include "analysis/signal_filter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chairhub {

SignalFilter::SignalFilter(std::size_t channels, double time_constant_s)
    : tau_(time_constant_s),
      previous_(channels, 0),
      latest_(channels, 0),
      readings_(channels, 0),
      smoothed_(channels, 0),
      last_t_(channels, 0),
      alpha_dt_(channels, -1),
      alpha_(channels, 0) {}

void SignalFilter::reset(std::size_t channel) {
  if (readings_[channel] == 2) --settled_;
  readings_[channel] = 0;
}

void SignalFilter::set_time_constant(double tau_s) {
  tau_ = tau_s;
  std::fill(alpha_dt_.begin(), alpha_dt_.end(), -1);
  alpha_dt_low_ = alpha_dt_high_ = -1;
}

void SignalFilter::set_interval(std::size_t channel, double dt) {
  alpha_dt_[channel] = dt;
  alpha_[channel] = 1.0 - std::exp(-dt / tau_);
  const auto [low, high] = std::minmax_element(alpha_dt_.begin(), alpha_dt_.end());
  alpha_dt_low_ = *low;
  alpha_dt_high_ = *high;
}

void SignalFilter::count_reading(std::size_t channel) {
  if (readings_[channel] < 2 && ++readings_[channel] == 2) ++settled_;
}

// One channel's step, for any state: a reading after a reset, or with no smoothing, is taken as
// the median of what there is; the others smoothed, their weight checked.
void SignalFilter::update_channel(std::size_t i, double t, double value) {
  const double median = readings_[i] == 2 ? median_of(previous_[i], latest_[i], value) : value;
  if (readings_[i] == 0 || tau_ <= 0) {
    smoothed_[i] = median;
  } else {
    const double dt = std::max(0.0, t - last_t_[i]);
    if (std::abs(dt - alpha_dt_[i]) > kSameIntervalS) set_interval(i, dt);
    smoothed_[i] = smoothed_towards(smoothed_[i], alpha_[i], median);
  }
  previous_[i] = latest_[i];
  latest_[i] = value;
  count_reading(i);
  last_t_[i] = t;
}

void SignalFilter::update(double t, std::span<const double> readings, std::span<double> out) {
  const std::size_t channels = std::min({size(), readings.size(), out.size()});
  const double* const in = readings.data();
  // Most samples find every channel with a reading, past its first two and at the interval its
  // weight is for: then each quantity is worked out for all channels in one loop, which the
  // compiler vectorises (`omp simd`, built with -fopenmp-simd: no threads, no runtime).
  // Otherwise each channel takes its own step.
  bool steady = tau_ > 0 && settled_ == channels && channels == size() && together_t_.has_value();
  if (steady) {
    const double dt = std::max(0.0, t - *together_t_);  // every channel's interval
    steady = std::abs(dt - alpha_dt_low_) <= kSameIntervalS && std::abs(dt - alpha_dt_high_) <= kSameIntervalS &&
             std::none_of(readings.begin(), readings.end(), [](double r) { return std::isnan(r); });
  }
  if (steady) {
    double* const previous = previous_.data();
    double* const latest = latest_.data();
    double* const smoothed = smoothed_.data();
    double* const last_t = last_t_.data();
    const double* const alpha = alpha_.data();
    double* const filtered = out.data();
#pragma omp simd
    for (std::size_t i = 0; i < channels; ++i) {
      const double median = median_of(previous[i], latest[i], in[i]);
      previous[i] = latest[i];
      latest[i] = in[i];
      smoothed[i] = smoothed_towards(smoothed[i], alpha[i], median);
      last_t[i] = t;
      filtered[i] = smoothed[i];
    }
    together_t_ = t;
    return;
  }
  bool every_channel = channels == size();
  for (std::size_t i = 0; i < channels; ++i) {
    if (std::isnan(in[i])) {
      every_channel = false;
      continue;
    }
    update_channel(i, t, in[i]);
    out[i] = smoothed_[i];
  }
  together_t_ = every_channel ? std::optional(t) : std::nullopt;
}

}  // namespace chairhub
