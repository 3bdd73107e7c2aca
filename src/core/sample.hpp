#pragma once
// One reading of every channel at one moment: what flows from a sensor source or a log into the
// analysis. Values follow the order of the ChannelLayout; NaN marks a missing reading.
#include <limits>
#include <vector>

namespace chairhub {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

struct Sample {
  double t = 0;  // seconds, on the source's own time base
  std::vector<double> values;
};

}  // namespace chairhub
