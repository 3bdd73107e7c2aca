#include "service/chair_guide.hpp"

#include <cmath>
#include <stdexcept>

#include "core/input_error.hpp"
#include "core/pacing.hpp"
#include "core/text.hpp"

namespace chairhub {
web::Outcome ChairGuide::start(const ChannelLayout& layout, const std::vector<std::string>& unwired,
                               const std::string& config_path, Units units, double kg) {
  if (units != Units::raw) return {false, "calibration needs raw readings from the sensors; this chair's source gives calibrated values"};
  cancel();
  finished_.reset();
  try {
    CalibrationPlan plan = plan_calibration(layout, unwired, config_path, [](const Channel&) {});
    cal_.emplace(layout, std::move(plan), kg);
  } catch (const InputError& e) {
    return {false, e.what()};
  }
  steps_ = {cal_->empty_step()};
  for (auto& s : cal_->weight_steps()) steps_.push_back(std::move(s));
  weight_steps_ = steps_.size() - 1;
  for (auto& s : cal_->pad_steps()) steps_.push_back(std::move(s));
  step_ = 0;
  return {true, "started: " + std::to_string(steps_.size()) + " steps"};
}

web::Outcome ChairGuide::ready() {
  if (!cal_) return {false, "no calibration is running: start one first"};
  if (waiting_first_sample_ || measure_from_) return {false, "already measuring this step"};
  waiting_first_sample_ = true;
  progress_ = 0;
  const std::size_t n = steps_[step_].slots.size();
  sums_.assign(n, 0);
  counts_.assign(n, 0);
  return {true, "measuring " + steps_[step_].measuring};
}

void ChairGuide::cancel() {
  cal_.reset();
  steps_.clear();
  measure_from_.reset();
  waiting_first_sample_ = false;
  progress_ = 0;
}

void ChairGuide::feed(const Sample& sample) {
  if (!cal_) return;
  if (waiting_first_sample_) {
    waiting_first_sample_ = false;
    measure_from_ = sample.t + kSettleS;
  }
  if (!measure_from_ || sample.t < *measure_from_) return;
  const CalibrationStep& step = steps_[step_];
  for (std::size_t i = 0; i < step.slots.size(); ++i) {
    const double v = sample.values[step.slots[i]];
    if (std::isnan(v)) continue;
    sums_[i] += v;
    ++counts_[i];
  }
  progress_ = std::min(1.0, (sample.t - *measure_from_) / kMeasureS);
  if (sample.t - *measure_from_ < kMeasureS) return;
  measure_from_.reset();
  std::vector<double> means(step.slots.size());
  for (std::size_t i = 0; i < means.size(); ++i) {
    if (counts_[i] == 0)
      return finish(false, step.name + ": " + "no reading from one of its sensors (see the wiring check); nothing was changed");
    means[i] = sums_[i] / counts_[i];
  }
  measured(means);
}

// One step's readings into the calibration, and on to the next step or the result.
void ChairGuide::measured(const std::vector<double>& means) {
  try {
    if (step_ == 0)
      cal_->empty_measured(means);
    else if (step_ <= weight_steps_)
      cal_->weight_measured(steps_[step_], means);
    else
      cal_->pad_measured(steps_[step_], means.front());
    if (step_ == weight_steps_) {
      cal_->solve();
      cal_->check_fit();
    }
  } catch (const std::exception& e) {  // InputError, std::invalid_argument: said in words
    return finish(false, std::string(e.what()) + "; nothing was changed");
  }
  if (++step_ < steps_.size()) return;
  result_ = cal_->result(utc_timestamp());
  finish(true, "calibrated: the seat and pads are measured again from now on");
}

void ChairGuide::finish(bool ok, std::string message) {
  cancel();
  finished_ = web::Outcome{ok, std::move(message)};
}

web::GuideView ChairGuide::view(std::string seen) const {
  web::GuideView v;
  v.finished = finished_;
  if (!cal_) return v;
  const CalibrationStep& step = steps_[step_];
  v.running = true;
  v.step = static_cast<int>(step_) + 1;
  v.steps = static_cast<int>(steps_.size());
  v.title = step.name;
  v.instruction = std::string(trim(step.text));
  v.measuring = waiting_first_sample_ || measure_from_.has_value();
  v.progress = v.measuring ? progress_ : 0;  // a new step's bar starts empty
  v.seen = std::move(seen);
  return v;
}

std::optional<HeldLoad> ChairGuide::held_load() const {
  if (!cal_ || !(waiting_first_sample_ || measure_from_)) return std::nullopt;
  const CalibrationStep& step = steps_[step_];
  HeldLoad load{step.kg, step.x, step.y, {}};
  if (!step.pressed.empty()) load.pressed[step.pressed] = 1.0;
  return load;
}

}  // namespace chairhub
