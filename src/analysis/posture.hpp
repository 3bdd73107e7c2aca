#pragma once
// Posture classification: a pure function of where the weight is and whether the back touches
// the backrest, judged relative to the sitter's own upright baseline.
#include <optional>

#include "core/baseline.hpp"
#include "core/posture.hpp"

namespace chairhub {

struct PostureConfig {
  double dwell_s = 3;          // a new posture is reported once it has held this long
  double lateral = 0.2;        // sideways CoP shift that counts as leaning (0.2 = a 60/40 split)
  double forward = 0.3;        // forward CoP shift that counts as leaning forward
  double slouch_back = 0.1;    // slouching: weight no further back than this behind the baseline
  double recline = 0.15;       // backward CoP shift that, with firm back contact, is reclining
  double lumbar_contact = 0.15;  // backrest contact below this is "no lumbar contact"
  double lumbar_firm = 0.45;   // backrest contact above this is firm
  double hysteresis = 0.03;    // thresholds loosen by this for the posture already held
};

// What the classifier looks at.
struct PostureInputs {
  double cop_x = 0;
  double cop_y = 0;
  std::optional<double> lumbar;  // none if the chair has no working backrest sensor
};

Posture classify_posture(const PostureInputs& in, const Baseline& baseline, const PostureConfig& cfg,
                         std::optional<Posture> held);

}  // namespace chairhub
