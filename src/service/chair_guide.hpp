#pragma once
// The guided calibration of the seat and pads (calibration/steps.hpp) as chairhubd walks it for
// the chair's page: each step's instruction; once the person says it is done, half a second to
// settle and two seconds of readings (time from the samples, so a simulated chair at any speed
// walks it the same); at the end the calibration, which the daemon saves and applies
// (calibration_store.hpp). Nothing here reads a sensor: the loop feeds it every sample.
#include <optional>
#include <string>
#include <vector>

#include "calibration/steps.hpp"
#include "core/channel.hpp"
#include "core/sample.hpp"
#include "sim/simulated_chair.hpp"
#include "web/chair_port.hpp"

namespace chairhub {

class ChairGuide {
 public:
  static constexpr double kSettleS = 0.5;
  static constexpr double kMeasureS = 2.0;

  // Starts afresh with a known weight of `kg`. Refused, in words, without raw readings or with
  // a seat cell not wired (`unwired`: the layout's channels [hardware] does not wire).
  web::Outcome start(const ChannelLayout& layout, const std::vector<std::string>& unwired, const std::string& config_path,
                     Units units, double kg);
  // The person did what the step asks: its readings are taken from the next samples.
  web::Outcome ready();
  void cancel();
  // Every sample, in raw counts.
  void feed(const Sample& sample);

  bool running() const { return cal_.has_value(); }
  // What the page shows; `seen` is what the sensors see now, in words.
  web::GuideView view(std::string seen) const;
  // While a step is measured: the load it asks for, for a simulated person to hold.
  std::optional<HeldLoad> held_load() const;
  // Once finished well: the calibration to save and apply (taken once).
  std::optional<CalibrationResult> take_result() { return std::exchange(result_, std::nullopt); }

 private:
  void measured(const std::vector<double>& means);
  void finish(bool ok, std::string message);

  std::optional<FullCalibration> cal_;
  std::vector<CalibrationStep> steps_;  // the empty chair, the weight's places, the pads
  std::size_t weight_steps_ = 0;
  std::size_t step_ = 0;
  std::optional<double> measure_from_;  // the sample time measuring starts (after settling)
  bool waiting_first_sample_ = false;
  std::vector<double> sums_;
  std::vector<int> counts_;
  double progress_ = 0;
  std::optional<web::Outcome> finished_;
  std::optional<CalibrationResult> result_;
};

}  // namespace chairhub
