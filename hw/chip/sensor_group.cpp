#include "hw/chip/sensor_group.hpp"

#include <cstdio>

namespace chairhub::hw {

std::string ChipConfig::rate_text(double reads_per_s) const {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f reads/s", reads_per_s);
  return buf;
}

}  // namespace chairhub::hw
