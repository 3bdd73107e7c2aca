#pragma once
// Raw ADC counts to physical units: kg for seat load cells, contact 0..1 for pads.
#include <algorithm>

#include "core/channel.hpp"

namespace chairhub {

inline double calibrate(const Channel& c, double raw) {
  if (c.role == Role::seat) return (raw - c.offset) * c.scale;
  const double span = c.full - c.empty;
  return span == 0 ? 0 : std::clamp((raw - c.empty) / span, 0.0, 1.0);
}

}  // namespace chairhub
