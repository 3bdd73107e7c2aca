#pragma once
// chairhubd's guided posture calibration, asked for by the MQTT command calibrate_postures: the
// steps of eval/posture_calibration fed each live sample on the event loop (never waiting), its
// progress reported as it goes, and on success the model written atomically where the daemon
// reads it and used from the next sample on. Bad or incomplete data, or a cancel, keeps the
// model there was.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "config/config.hpp"
#include "core/sample.hpp"
#include "eval/posture_calibration.hpp"
#include "mqtt/calibration_progress.hpp"
#include "mqtt/commands.hpp"
#include "service/journal.hpp"
#include "service/live_analysis.hpp"

namespace chairhub {

class LivePostureCalibration {
 public:
  using Report = std::function<void(const mqtt::CalibrationProgress&)>;
  // `model_file` is where the model goes (and where the daemon reads it from).
  LivePostureCalibration(LiveAnalysis& analysis, const Config& chair, std::string model_file, const Journal& journal,
                         Report report)
      : analysis_(analysis), chair_(chair), model_file_(std::move(model_file)), journal_(journal),
        report_(std::move(report)) {}

  // Starts a calibration, or cancels the one under way; an error when it cannot.
  mqtt::CommandOutcome command(const mqtt::CalibratePosturesCommand& command);
  bool running() const { return steps_.has_value(); }
  // One live sample, after the analysis has had it.
  void on_sample(const Sample& sample);

 private:
  mqtt::CalibrationProgress progress(mqtt::CalibrationProgress::Stage stage) const;
  void report_hold();
  void finish();
  void end(mqtt::CalibrationProgress progress);

  LiveAnalysis& analysis_;
  const Config& chair_;
  std::string model_file_;
  const Journal& journal_;
  Report report_;
  std::optional<PostureCalibration> steps_;
  nlohmann::ordered_json id_;
  int reported_seconds_ = -1;  // the seconds left last reported, so each second is said once
};

}  // namespace chairhub
