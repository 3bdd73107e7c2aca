#include "analysis/signal_filter.hpp"

#include <algorithm>
#include <cmath>

namespace chairhub {

double SignalFilter::update(double t, double value) {
  window_[next_] = value;
  next_ = (next_ + 1) % 3;
  count_ = std::min(count_ + 1, 3);
  double median = value;
  if (count_ == 3) {
    const double a = window_[0], b = window_[1], c = window_[2];
    median = std::max(std::min(a, b), std::min(std::max(a, b), c));
  }
  if (count_ == 1 || tau_ <= 0) {
    smoothed_ = median;
  } else {
    // Samples mostly come at a steady rate: reuse the weight while the interval is the same.
    const double dt = std::max(0.0, t - last_t_);
    if (dt != alpha_dt_) {
      alpha_dt_ = dt;
      alpha_ = 1.0 - std::exp(-dt / tau_);
    }
    smoothed_ += alpha_ * (median - smoothed_);
  }
  last_t_ = t;
  return smoothed_;
}

}  // namespace chairhub
