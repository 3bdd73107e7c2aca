#pragma once
// The commands as chairhubd takes them from MQTT: each answered at the latest sample's time
// (command_actions.hpp), and after one that changed something the state is saved and the
// control state (nudges on, snooze) published.
#include "config/config.hpp"
#include "mqtt/commands.hpp"
#include "service/journal.hpp"
#include "service/live_analysis.hpp"
#include "service/mqtt_link.hpp"
#include "service/session_keeper.hpp"

namespace chairhub {

class DaemonCommands {
 public:
  // `chair` is the running config: tare writes its offsets there.
  DaemonCommands(LiveAnalysis& analysis, Config& chair, SessionKeeper& keeper, const Journal& journal, MqttLink& mqtt)
      : analysis_(analysis), chair_(chair), keeper_(keeper), journal_(journal), mqtt_(mqtt) {}

  mqtt::CommandOutcome run(const mqtt::Command& command);
  // The nudge switch and the snooze, as Home Assistant shows them.
  void publish_control();

 private:
  LiveAnalysis& analysis_;
  Config& chair_;
  SessionKeeper& keeper_;
  const Journal& journal_;
  MqttLink& mqtt_;
};

}  // namespace chairhub
