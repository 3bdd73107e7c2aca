#include "analysis/signal_filter.hpp"

#include <cmath>

namespace chairhub {

void SignalFilter::set_interval(double dt) {
  alpha_dt_ = dt;
  alpha_ = 1.0 - std::exp(-dt / tau_);
}

}  // namespace chairhub
