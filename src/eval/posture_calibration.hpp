#pragma once
// The guided posture calibration as steps, fed the live samples one by one: which posture the
// sitter holds now, for how long, and the model learnt from it all (eval/posture_learning).
// `chairhub calibrate --postures` walks it on a terminal, chairhubd on its event loop (the MQTT
// command calibrate_postures); the simulated sitter's guided calibration holds the same
// postures in the same order. Time comes only from the samples; nothing here reads a sensor.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/posture_fit.hpp"
#include "config/config.hpp"
#include "core/posture.hpp"
#include "core/sample.hpp"
#include "eval/posture_learning.hpp"

namespace chairhub {

// One posture to hold, and what the sitter is asked to do.
struct PostureHold {
  Posture posture;
  std::string_view ask;
};

// Every hold in order, upright first (the baseline the others are measured against).
std::span<const PostureHold> posture_holds();

// Rows within this long of a change of label are the movement into a posture, not the posture:
// not counted for agreement, not learnt (the posture dwell and the movement itself).
double posture_settle_s(const Config& config);

class PostureCalibration {
 public:
  // `config` (kept by reference) is the chair's, `units` what its samples are in.
  PostureCalibration(const Config& config, Units units, double hold_s);

  bool done() const { return step_ >= posture_holds().size(); }
  std::size_t step() const { return step_; }  // 0-based; holds().size() once done
  std::size_t steps() const { return posture_holds().size(); }
  const PostureHold& hold() const { return posture_holds()[step_]; }
  // The current hold's length: the first is longer, since sitting down must be seen first
  // (occupancy's debounce).
  double hold_seconds() const;
  // Of the current hold, by the samples it has had (its whole length before its first).
  double seconds_left() const;

  // Takes a sample of the current hold; true when that sample ended it (it is then not kept,
  // and the next hold begins with the next sample). Nothing once done().
  bool add(const Sample& sample);

  // The model learnt from the holds; InputError naming `where` and what was wrong (a posture
  // held too briefly, nobody seated while upright).
  PostureModel learn(const std::string& where) const;

 private:
  const Config& config_;
  Units units_;
  double hold_s_;
  std::size_t step_ = 0;
  std::optional<double> start_, last_t_;
  std::vector<LabelledSample> samples_;
};

}  // namespace chairhub
