#pragma once
// The sitter's own upright sitting: where their weight usually is, how much of it the seat
// carries, how their back meets the backrest and their feet the pads, and the pattern of every
// channel. Learnt by the analysis, reported in events and kept by the daemon across restarts.
#include <optional>
#include <vector>

namespace chairhub {

struct Baseline {
  double cop_x = 0;                 // centre of pressure, seat coordinates (-1..1)
  double cop_y = 0;
  std::optional<double> lumbar;     // usual backrest contact (0..1), if there is a backrest
  std::optional<double> seat_kg;    // usual total seat load with feet flat
  std::optional<double> feet;       // usual foot-pad contact (0..1), if there are foot pads
  // The upright pattern, per channel in layout order: a seat cell's share of the seat load or a
  // backrest pad's contact (NaN for foot pads and channels not seen), and how much each varied
  // while it was learnt. Empty when not learnt (a baseline set from outside, or from the state
  // file): then no departure from it is judged.
  std::vector<double> pattern;
  std::vector<double> spread;
};

}  // namespace chairhub
