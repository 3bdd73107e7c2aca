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
#include "service/sitter_profiles.hpp"

namespace chairhub {

class LivePostureCalibration {
 public:
  using Report = std::function<void(const mqtt::CalibrationProgress&)>;
  // The model goes to the profile the command names (then in use), else to the one in use, or
  // without one to the chair's own postures.toml: where the daemon reads it from.
  LivePostureCalibration(LiveAnalysis& analysis, const Config& chair, const SitterProfiles& profiles,
                         const Journal& journal, Report report)
      : analysis_(analysis), chair_(chair), profiles_(profiles), journal_(journal), report_(std::move(report)) {}

  // Starts a calibration, or cancels the one under way; an error when it cannot.
  mqtt::CommandOutcome command(const mqtt::CalibratePosturesCommand& command);
  bool running() const { return steps_.has_value(); }
  // One live sample, after the analysis has had it.
  void on_sample(const Sample& sample);

 private:
  mqtt::CalibrationProgress progress(mqtt::CalibrationProgress::Stage stage) const;
  void report_hold();
  void finish();
  void end(const mqtt::CalibrationProgress& progress);

  LiveAnalysis& analysis_;
  const Config& chair_;
  const SitterProfiles& profiles_;
  const Journal& journal_;
  Report report_;
  std::optional<PostureCalibration> steps_;
  nlohmann::ordered_json id_;
  std::optional<std::string> profile_;  // whose postures; none: the chair's own
  bool select_ = false;                 // the command named the profile: in use once learnt
  int reported_seconds_ = -1;  // the seconds left last reported, so each second is said once
};

}  // namespace chairhub
