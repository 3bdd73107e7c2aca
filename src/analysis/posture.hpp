#pragma once
// Posture classification: a pure function of where the weight is, how much of it the seat
// carries, how the back meets the backrest and the feet the foot pads, each judged relative to
// the sitter's own upright baseline.
#include <optional>

#include "core/baseline.hpp"
#include "core/posture.hpp"

namespace chairhub {

struct PostureConfig {
  double dwell_s = 3;          // a new posture is reported once it has held this long
  double lateral = 0.2;        // sideways CoP shift that counts as leaning (0.2 = a 60/40 split)
  double forward = 0.3;        // forward CoP shift that, by itself, counts as leaning forward
  double slouch_back = 0.1;    // slouching: weight no further back than this behind the baseline
  double recline = 0.15;       // backward CoP shift that, with firm back contact, is reclining
  double lumbar_contact = 0.15;  // backrest contact below this is "no lumbar contact"
  double lumbar_firm = 0.45;   // backrest contact above this is firm
  double hysteresis = 0.03;    // thresholds loosen by this for the posture already held
  // Leaning forward moves weight off the seat onto the feet; slouching does not. Each is
  // evidence for leaning forward once it reaches this much (the CoP's shift `forward` is too).
  double seat_drop = 0.05;     // drop of the seat's load, as a share of the upright load
  double feet_rise = 0.1;      // rise of the foot pads' contact
  // Not the sitter's upright: the channels' pattern (seat cells' shares, backrest contacts) this
  // far from the baseline's is never upright. The distance is the root of the summed squares of
  // each channel's difference in the spread seen while the baseline was learnt, that spread
  // being at least the floor so that a very still baseline does not make every movement a
  // departure.
  double departure = 8;        // 0 = never
  double floor_share = 0.02;   // floor of a seat cell's spread, as a share of the seat load
  double floor_contact = 0.05;  // floor of a pad's spread, in contact
};

// What the classifier looks at, each relative to the baseline where there is one.
struct PostureInputs {
  PostureInputs() = default;
  PostureInputs(double x, double y, std::optional<double> back) : cop_x(x), cop_y(y), lumbar(back) {}

  double cop_x = 0;
  double cop_y = 0;
  std::optional<double> lumbar;      // none if the chair has no working backrest sensor
  std::optional<double> seat_drop;   // 1 - seat load / baseline's, with the legs' load removed
  std::optional<double> feet_rise;   // foot-pad contact - baseline's (none without pads)
  double departure = 0;              // from the upright pattern, in spreads (0 = not known)
};

Posture classify_posture(const PostureInputs& in, const Baseline& baseline, const PostureConfig& cfg,
                         std::optional<Posture> held);

}  // namespace chairhub
