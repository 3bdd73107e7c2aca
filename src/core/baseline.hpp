#pragma once
// The sitter's own upright sitting: where their weight usually is. Learnt by the analysis,
// reported in events and kept by the daemon across restarts.
#include <optional>

namespace chairhub {

struct Baseline {
  double cop_x = 0;                 // centre of pressure, seat coordinates (-1..1)
  double cop_y = 0;
  std::optional<double> lumbar;     // usual backrest contact (0..1), if there is a backrest
  std::optional<double> seat_kg;    // usual total seat load with feet flat
};

}  // namespace chairhub
