#include "service/daemon_commands.hpp"

#include <filesystem>

#include "config/posture_model_file.hpp"
#include "service/command_actions.hpp"

namespace chairhub {

DaemonCommands::DaemonCommands(LiveAnalysis& analysis, Config& chair, SessionKeeper& keeper, const Journal& journal,
                               MqttLink& mqtt, const std::string& state_dir)
    : analysis_(analysis),
      chair_(chair),
      keeper_(keeper),
      journal_(journal),
      mqtt_(mqtt),
      postures_(analysis, chair, (std::filesystem::path(state_dir) / kPostureModelFile).string(), journal,
                [&mqtt](const mqtt::CalibrationProgress& p) { mqtt.calibration_progress(p); }) {}

mqtt::CommandOutcome DaemonCommands::run(const mqtt::Command& command) {
  auto outcome = run_command(command, analysis_.last_t(),
                             {analysis_.analyzer(), chair_, analysis_.units(), analysis_.raw(), keeper_, journal_,
                              &postures_});
  if (outcome.ok) {
    keeper_.save(analysis_.analyzer());
    publish_control();
  }
  return outcome;
}

void DaemonCommands::publish_control() {
  if (!mqtt_.on()) return;
  mqtt::ControlState control;
  control.nudges_enabled = analysis_.analyzer().nudges().enabled();
  control.snoozed_until = keeper_.snooze_end();
  mqtt_.set_control(control);
}

}  // namespace chairhub
