#include "service/live_posture_calibration.hpp"

#include <cmath>
#include <filesystem>

#include "config/posture_model_file.hpp"
#include "core/input_error.hpp"
#include "core/pacing.hpp"

namespace chairhub {

using CalibrationStage = mqtt::CalibrationProgress::Stage;

mqtt::CommandOutcome LivePostureCalibration::command(const mqtt::CalibratePosturesCommand& command) {
  if (command.cancel) {
    if (!steps_) return {false, "no posture calibration is under way"};
    journal_(LogLevel::notice, "posture calibration cancelled: the posture model stays as it was");
    end(progress(CalibrationStage::cancelled));
    return {};
  }
  if (steps_)
    return {false, "a posture calibration is under way (step " + std::to_string(steps_->step() + 1) + " of " +
                       std::to_string(steps_->steps()) + "); cancel it first with {\"cancel\":true}"};
  if (command.profile)
    if (std::string problem = profiles_.writable_problem(*command.profile); !problem.empty()) return {false, problem};
  steps_.emplace(chair_, analysis_.units(), command.hold_s.value_or(kDefaultPostureHoldSeconds));
  id_ = command.id;
  select_ = command.profile.has_value();
  profile_ = select_ ? command.profile : profiles_.selected();
  reported_seconds_ = -1;
  journal_(LogLevel::notice, "posture calibration started: " + std::to_string(steps_->steps()) + " postures");
  return {};  // the first hold is said with the next sample, after this command's answer
}

void LivePostureCalibration::on_sample(const Sample& sample) {
  if (!steps_) return;
  if (steps_->add(sample)) reported_seconds_ = -1;  // a new hold: said at once
  if (steps_->done()) return finish();
  report_hold();
}

mqtt::CalibrationProgress LivePostureCalibration::progress(CalibrationStage stage) const {
  mqtt::CalibrationProgress p;
  p.stage = stage;
  p.id = id_;
  p.profile = profile_;
  return p;
}

void LivePostureCalibration::report_hold() {
  const int seconds = static_cast<int>(std::ceil(steps_->seconds_left()));
  if (seconds == reported_seconds_) return;
  reported_seconds_ = seconds;
  mqtt::CalibrationProgress p = progress(CalibrationStage::hold);
  p.step = steps_->step() + 1;
  p.steps = steps_->steps();
  p.posture = steps_->hold().posture;
  p.ask = std::string(steps_->hold().ask);
  p.seconds_left = seconds;
  const ChairState& seen = analysis_.analyzer().state();
  p.seated = seen.occupied;
  p.seen = seen.posture;
  report_(p);
}

void LivePostureCalibration::finish() {
  try {
    const PostureModel model = steps_->learn("posture calibration");
    const std::filesystem::path file = profiles_.model_file(profile_);
    std::error_code error;
    std::filesystem::create_directories(file.parent_path(), error);  // a first profile's folder
    write_posture_model(file.string(), model, {"chairhub posture model (docs/posture-model.md): the MQTT command "
                                               "calibrate_postures, " + utc_timestamp()});
    if (select_) profiles_.select(*profile_);
    analysis_.set_sitter_postures(model);
    mqtt::CalibrationProgress p = progress(CalibrationStage::done);
    for (const auto& c : model.classes) p.learnt.push_back(c.label);
    journal_(LogLevel::notice, "posture calibration done: " + std::to_string(model.classes.size()) +
                                   " postures, written to " + file.string());
    end(p);
  } catch (const InputError& e) {
    mqtt::CalibrationProgress p = progress(CalibrationStage::failed);
    p.error = e.problems().back() + "; the posture model stays as it was";
    journal_(LogLevel::warning, p.error);
    end(p);
  }
}

void LivePostureCalibration::end(const mqtt::CalibrationProgress& progress) {
  steps_.reset();
  id_ = nullptr;
  profile_.reset();
  report_(progress);
}

}  // namespace chairhub
