#include "mqtt/replay_to_mqtt.hpp"

#include "core/input_error.hpp"
#include "mqtt/service.hpp"

namespace chairhub::mqtt {

namespace {

class Tee : public EventSink {
 public:
  Tee(EventSink& a, EventSink* b) : a_(a), b_(b) {}
  void on_event(const Event& e) override {
    a_.on_event(e);
    if (b_) b_->on_event(e);
  }

 private:
  EventSink& a_;
  EventSink* b_;
};

}  // namespace

std::pair<std::string, int> parse_broker(const std::string& text, int default_port) {
  auto bad = [&] { return InputError("--broker", 0, "'" + text + "' is not HOST or HOST:PORT"); };
  std::string host = text, port_text;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string::npos) throw bad();
    host = text.substr(1, close - 1);
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':') throw bad();
      port_text = text.substr(close + 2);
      if (port_text.empty()) throw bad();
    }
  } else if (const auto colon = text.rfind(':'); colon != std::string::npos) {
    if (text.find(':') != colon) throw bad();  // a bare IPv6 address needs brackets
    host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
    if (port_text.empty()) throw bad();
  }
  if (host.empty()) throw bad();
  int port = default_port;
  if (!port_text.empty()) {
    std::size_t used = 0;
    try {
      port = std::stoi(port_text, &used);
    } catch (const std::exception&) {
      throw bad();
    }
    if (used != port_text.size() || port < 1 || port > 65535) throw bad();
  }
  return {host, port};
}

ReplayStats replay_to_mqtt(const std::string& log, const Config& config, const MqttConfig& mqtt,
                           const ReplayOptions& replay, const MqttReplayOptions& options, EventSink* also) {
  MqttConfig mc = mqtt;
  mc.enabled = true;
  if (!options.broker.empty()) std::tie(mc.host, mc.port) = parse_broker(options.broker, mc.port);
  mc.outbox_size = std::max<std::size_t>(mc.outbox_size, 100000000);  // a replay drops nothing

  ServiceOptions so;  // no state_dir: a replay's events are not the daemon's to keep
  so.logger = options.logger;
  so.outbox_sync = false;
  boost::asio::io_context io;
  MqttService service(io, mc, so);
  service.start();
  const auto where = mc.host + ":" + std::to_string(mc.port);
  const auto deadline = std::chrono::steady_clock::now() + options.connect_timeout;
  while (!service.connected() && std::chrono::steady_clock::now() < deadline) io.run_for(std::chrono::milliseconds(20));
  if (!service.connected()) throw InputError("--mqtt", 0, "cannot reach the broker at " + where);

  Tee tee(service.events(), also);
  const auto stats = replay_log(log, config, replay, tee, [&](const LogReader&, const Analyzer& analyzer) {
    service.publish_state(analyzer.state());
    io.poll();  // acknowledgements, reconnects, commands: between samples, never blocking
  });
  if (!run_until_idle(io, service, options.drain_timeout))
    throw InputError("--mqtt", 0, "the broker at " + where + " did not acknowledge every event in time");
  service.stop();
  return stats;
}

}  // namespace chairhub::mqtt
