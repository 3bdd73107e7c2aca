#include "service/daemon_commands.hpp"

#include "service/command_actions.hpp"

namespace chairhub {

DaemonCommands::DaemonCommands(LiveAnalysis& analysis, Config& chair, SessionKeeper& keeper, const Journal& journal,
                               MqttLink& mqtt, const std::string& state_dir)
    : analysis_(analysis),
      chair_(chair),
      keeper_(keeper),
      journal_(journal),
      mqtt_(mqtt),
      profiles_(analysis, chair, state_dir, journal),
      postures_(analysis, chair, profiles_.store(), journal, [this](const mqtt::CalibrationProgress& p) {
        posture_progress_ = p;
        mqtt_.calibration_progress(p);
        if (p.stage != mqtt::CalibrationProgress::Stage::done) return;
        profiles_.changed();  // perhaps a new profile, perhaps now in use
        publish_control();
      }) {}

void DaemonCommands::on_sample(const Sample& sample) {
  postures_.on_sample(sample);
  if (profiles_.on_sample()) publish_control();
}

mqtt::CommandOutcome DaemonCommands::run(const mqtt::Command& command) {
  auto outcome = run_command(command, analysis_.last_t(),
                             {analysis_.analyzer(), chair_, analysis_.units(), analysis_.raw(), keeper_, journal_,
                              &postures_, &profiles_});
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
  control.profile = profiles_.selected();
  mqtt_.set_profiles(profiles_.names());  // Home Assistant's select
  mqtt_.set_control(control);
}

}  // namespace chairhub
