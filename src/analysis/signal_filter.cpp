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
    const double alpha = 1.0 - std::exp(-std::max(0.0, t - last_t_) / tau_);
    smoothed_ += alpha * (median - smoothed_);
  }
  last_t_ = t;
  return smoothed_;
}

}  // namespace chairhub
