#include "service/daemon_commands.hpp"

#include "service/command_actions.hpp"

namespace chairhub {

mqtt::CommandOutcome DaemonCommands::run(const mqtt::Command& command) {
  auto outcome = run_command(command, analysis_.last_t(),
                             {analysis_.analyzer(), chair_, analysis_.units(), analysis_.raw(), keeper_, journal_});
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
