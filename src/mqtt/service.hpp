#pragma once
// The chair on MQTT: one object the daemon (or `replay --mqtt`) creates, starts, feeds with
// events and states, and stops. It wires the connection to the feature modules:
//   availability  retained `status` online/offline, `offline` as the will
//   discovery     Home Assistant config on every connect and when HA announces `online`
//   state         retained `state`, throttled (StatePublisher)
//   events        `event` through the persistent outbox (MqttSink)
//   commands      `set` and `request/<op>` (CommandRouter)
// Everything runs on the given io_context's thread; keep that io_context running.
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

#include "analysis/chair_state.hpp"
#include "events/event.hpp"
#include "core/version.hpp"
#include "mqtt/chair_id.hpp"
#include "mqtt/command_router.hpp"
#include "mqtt/config.hpp"
#include "mqtt/connection.hpp"
#include "mqtt/discovery_publisher.hpp"
#include "mqtt/outbox.hpp"
#include "mqtt/payloads.hpp"
#include "mqtt/sink.hpp"
#include "mqtt/state_publisher.hpp"
#include "mqtt/topics.hpp"

namespace chairhub::mqtt {

struct ServiceOptions {
  std::filesystem::path state_dir;  // outbox and discovery record live here; empty: memory only
  std::string sw_version{kVersion};
  std::string support_url;
  std::string configuration_url;    // the device's own page, linked from Home Assistant; empty: none
  WallClock clock;                  // default: the system clock
  Logger logger;                    // default: stderr with journal priorities
  CommandHandler on_command;        // default: every command answered "not available"
  std::optional<ChairIdSources> id_sources;  // default: /etc/machine-id, host name
  std::chrono::milliseconds ha_online_delay_max{5000};  // random wait before answering HA's "online"
  bool outbox_sync = true;          // fdatasync each queued event
  std::string outbox_file_name = "mqtt-outbox.jsonl";
  std::string client_id;            // default: "chairhub-<chair_id>", the daemon's
};

class MqttService {
 public:
  // Resolves the chair id and reads the credentials file; throws InputError for bad input.
  MqttService(boost::asio::io_context& io, MqttConfig config, ServiceOptions options);
  ~MqttService();
  MqttService(const MqttService&) = delete;
  MqttService& operator=(const MqttService&) = delete;

  void start();
  // Publishes `offline`, disconnects. Undelivered events stay in the outbox file.
  void stop();
  // The same, once every event is acknowledged, the broker is away, or `grace` has passed:
  // a planned stop leaves no event behind that a connected broker could still take.
  void stop_when_delivered(std::chrono::milliseconds grace);

  EventSink& events() { return *sink_; }
  void publish_state(const ChairState& state) { state_->update(state); }
  void set_control(const ControlState& control) { state_->set_control(control); }
  // The sensors could not be opened, and why (nothing once they are): health.hardware in the
  // state, which Home Assistant's problem entity shows. Published with the next state.
  void set_hardware_problem(std::optional<std::string> problem) { state_->set_hardware_problem(std::move(problem)); }
  // The sitter profiles there are: Home Assistant's select shows them (published again now when
  // they changed and the broker is there, else at the next connect).
  void set_profiles(std::vector<std::string> profiles);
  // A further answer to a command that runs on (after its first on response/<op>): not kept,
  // dropped while the broker is away.
  void respond(const std::string& op, const nlohmann::ordered_json& body);
  // Deletes the device from Home Assistant (empty retained discovery config).
  void remove_device() { discovery_->remove_device(); }

  const Topics& topics() const { return topics_; }
  bool connected() const { return connection_->connected(); }
  // Connected and every event acknowledged.
  bool idle() const { return connection_->connected() && sink_->idle(); }

 private:
  void on_connected();
  void on_message(const std::string& topic, const std::string& payload, bool retained);
  void publish_discovery_and_state();

  boost::asio::io_context& io_;
  MqttConfig config_;
  ServiceOptions options_;
  Logger log_;
  Topics topics_;
  std::unique_ptr<Connection> connection_;
  std::unique_ptr<Outbox> outbox_;
  std::unique_ptr<MqttSink> sink_;
  std::unique_ptr<StatePublisher> state_;
  std::unique_ptr<DiscoveryPublisher> discovery_;
  std::unique_ptr<CommandRouter> router_;
  std::vector<std::string> profiles_;  // as discovery has them
  void stop_at(std::chrono::steady_clock::time_point deadline);

  boost::asio::steady_timer ha_timer_;
  boost::asio::steady_timer stop_timer_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
};

// Runs `io` until `service` is idle or `timeout` passes; true if idle. For the end of a replay.
bool run_until_idle(boost::asio::io_context& io, const MqttService& service, std::chrono::milliseconds timeout);

}  // namespace chairhub::mqtt
