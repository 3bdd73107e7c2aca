#pragma once
// The guided calibration as steps: what to ask the person, which channels to read meanwhile,
// and what the readings make. `chairhub calibrate` walks them on a terminal; another front end
// (a web page) can walk the same ones. Nothing here reads a sensor or prints.
//
// A full calibration: the empty chair (the seat cells' offsets, the pads' empty levels), a
// known weight at the centre and over each seat cell (the cells' scales, by least squares),
// each pad pressed (its full level). A tare: the empty seat only, for the offsets.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "calibration/fit.hpp"
#include "calibration/model.hpp"
#include "core/channel.hpp"

namespace chairhub {

// The wired channels a calibration reads, as layout slots.
struct CalibrationPlan {
  std::vector<std::size_t> seats, pads;
};

// Every seat cell must be wired, else InputError naming `config_path`: its share of the weight
// would go unmeasured and skew every other cell's scale. An unwired pad is left out and handed
// to `skipped`, in layout order.
CalibrationPlan plan_calibration(const ChannelLayout& layout, const std::vector<std::string>& unwired,
                                 const std::string& config_path, const std::function<void(const Channel&)>& skipped);

// One thing the person does, then the readings taken meanwhile.
struct CalibrationStep {
  std::string name;                // "the empty chair", "centre", "pressing lumbar_l": for messages
  std::string text;                // the instruction, numbered, after a blank line
  std::string measuring;           // "the weight at the centre": said while reading
  std::vector<std::size_t> slots;  // the channels to read
  // What is then on the chair: `kg` at (x, y) on the seat (-1..1), and the pad pressed.
  double kg = 0, x = 0, y = 0;
  std::string pressed;
};

// The calibration file's values and the comment lines that go on top of it.
struct CalibrationResult {
  Calibration calibration;
  std::vector<std::string> comment;
};

// A full calibration with a known weight of `kg`, in the order of its steps: empty_step(), each
// of weight_steps(), solve() and check_fit(), each of pad_steps(), result(). Each *_measured
// takes the mean raw readings of the step's slots.
class FullCalibration {
 public:
  FullCalibration(const ChannelLayout& layout, CalibrationPlan plan, double kg);

  CalibrationStep empty_step() const;
  void empty_measured(const std::vector<double>& means);
  std::vector<CalibrationStep> weight_steps() const;
  void weight_measured(const CalibrationStep& step, const std::vector<double>& means);
  // The cells' scales from the weight steps (std::invalid_argument when they cannot be had).
  const ScaleFit& solve();
  // InputError when the placements disagree by more than a tenth of the weight: something
  // else touched the chair, or the weight slipped.
  void check_fit() const;
  std::vector<CalibrationStep> pad_steps() const;
  // std::invalid_argument when the pad barely changed.
  void pad_measured(const CalibrationStep& step, double full);
  // `timestamp` goes into the comment.
  CalibrationResult result(const std::string& timestamp) const;

 private:
  std::string weight_text() const;  // "10 kg"

  ChannelLayout layout_;
  CalibrationPlan plan_;
  double kg_;
  std::vector<double> empty_;  // seats then pads, as empty_step() reads them
  std::vector<Placement> placements_;
  ScaleFit fit_;
  Calibration pads_;
};

// A tare: the empty seat, read on every seat cell of `plan`.
CalibrationStep tare_step(const CalibrationPlan& plan);
// `earlier` (the calibration file as it was, perhaps empty) with the seat offsets `means` that
// tare_step read; the scales and pad levels stay as they were.
CalibrationResult tare_result(Calibration earlier, const ChannelLayout& layout, const CalibrationPlan& plan,
                              const std::vector<double>& means, const std::string& timestamp);

}  // namespace chairhub
