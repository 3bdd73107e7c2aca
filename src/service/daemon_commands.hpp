#pragma once
// The commands as chairhubd takes them from MQTT: each answered at the latest sample's time
// (command_actions.hpp), and after one that changed something the state is saved and the
// control state (nudges on, snooze) published.
#include "config/config.hpp"
#include "mqtt/commands.hpp"
#include "service/daemon_profiles.hpp"
#include "service/journal.hpp"
#include "service/live_posture_calibration.hpp"
#include "service/live_analysis.hpp"
#include "service/mqtt_link.hpp"
#include "service/session_keeper.hpp"

namespace chairhub {

class DaemonCommands {
 public:
  // `chair` is the running config: tare writes its offsets there. `state_dir` is where a
  // posture calibration writes the sitter's model.
  DaemonCommands(LiveAnalysis& analysis, Config& chair, SessionKeeper& keeper, const Journal& journal, MqttLink& mqtt,
                 const std::string& state_dir);

  mqtt::CommandOutcome run(const mqtt::Command& command);
  // Each live sample, after the analysis: what a command under way (the posture calibration)
  // goes on with.
  void on_sample(const Sample& sample);
  // The nudge switch, the snooze and the sitter profiles, as Home Assistant shows them.
  void publish_control();
  // The posture calibration's latest progress (none before the first), for the chair's page.
  const std::optional<mqtt::CalibrationProgress>& posture_progress() const { return posture_progress_; }
  const DaemonProfiles& profiles() const { return profiles_; }

 private:
  LiveAnalysis& analysis_;
  Config& chair_;
  SessionKeeper& keeper_;
  const Journal& journal_;
  MqttLink& mqtt_;
  DaemonProfiles profiles_;
  LivePostureCalibration postures_;
  std::optional<mqtt::CalibrationProgress> posture_progress_;
};

}  // namespace chairhub
