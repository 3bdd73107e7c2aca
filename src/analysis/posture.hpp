#pragma once
// Posture classification: a pure function of where the weight is, how much of it the seat
// carries, how the back meets the backrest and the feet the foot pads, each judged relative to
// the sitter's own upright baseline.
#include <iterator>
#include <optional>

#include "core/baseline.hpp"
#include "core/posture.hpp"
#include "core/tunable.hpp"

namespace chairhub {

// The posture thresholds, each set by its row of kPostureTunables below (key, default, range).
// (The braces only zero them before the table's defaults are applied.)
struct PostureConfig {
  PostureConfig();
  double dwell_s{}, lateral{}, forward{}, slouch_back{}, recline{}, lumbar_contact{}, lumbar_firm{}, hysteresis{};
  double seat_drop{}, feet_rise{};  // the evidence for leaning forward besides the CoP's shift
  double departure{}, floor_share{}, floor_contact{};  // how far from the upright pattern is never upright
};

// Every [posture] threshold: the one place for its key, its default and its range (read by
// config/analysis_section.cpp; config/chairhub.toml documents them for the user).
inline constexpr Tunable<PostureConfig> kPostureTunables[] = {
    // a new posture is reported once it has held this long
    {"dwell_s", &PostureConfig::dwell_s, 3, 0, 600},
    // sideways CoP shift that counts as leaning (0.2 = a 60/40 split)
    {"lateral", &PostureConfig::lateral, 0.2, 0.01, 2},
    // forward CoP shift that, by itself, counts as leaning forward
    {"forward", &PostureConfig::forward, 0.3, 0.01, 2},
    // slouching: weight no further back than this behind the baseline
    {"slouch_back", &PostureConfig::slouch_back, 0.1, 0, 2},
    // backward CoP shift that, with firm back contact, is reclining
    {"recline", &PostureConfig::recline, 0.15, 0.01, 2},
    // backrest contact below this is "no lumbar contact"
    {"lumbar_contact", &PostureConfig::lumbar_contact, 0.15, 0, 1},
    // backrest contact above this is firm
    {"lumbar_firm", &PostureConfig::lumbar_firm, 0.45, 0, 1},
    // thresholds loosen by this for the posture already held
    {"hysteresis", &PostureConfig::hysteresis, 0.03, 0, 0.5},
    // Leaning forward moves weight off the seat onto the feet; slouching does not. Each is
    // evidence for leaning forward once it reaches this much (the CoP's shift `forward` is too):
    // the drop of the seat's load, as a share of the upright load,
    {"seat_drop", &PostureConfig::seat_drop, 0.05, 0.005, 1},
    // and the rise of the foot pads' contact.
    {"feet_rise", &PostureConfig::feet_rise, 0.1, 0.005, 1},
    // Not the sitter's upright: the channels' pattern (seat cells' shares, backrest contacts) this
    // far from the baseline's is never upright (0 = never). The distance is the root of the summed
    // squares of each channel's difference in the spread seen while the baseline was learnt, that
    // spread being at least the floor so that a very still baseline does not make every movement
    // a departure.
    {"departure", &PostureConfig::departure, 8, 0, 1000},
    // floor of a seat cell's spread, as a share of the seat load
    {"floor_share", &PostureConfig::floor_share, 0.02, 0.001, 1},
    // floor of a pad's spread, in contact
    {"floor_contact", &PostureConfig::floor_contact, 0.05, 0.001, 1},
};
// Every field has its row, so none is left without a default.
static_assert(sizeof(PostureConfig) == std::size(kPostureTunables) * sizeof(double));

inline PostureConfig::PostureConfig() { apply_defaults(*this, kPostureTunables); }

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
