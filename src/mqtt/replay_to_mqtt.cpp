#include "mqtt/replay_to_mqtt.hpp"

#include <unistd.h>

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

std::string replay_chair_id(const std::string& live_chair_id) {
  constexpr std::string_view suffix = "-replay";
  constexpr std::size_t max_id = 64;
  return live_chair_id.substr(0, max_id - suffix.size()) + std::string(suffix);
}

ReplayStats replay_to_mqtt(const std::string& log, const Config& config, const MqttConfig& mqtt,
                           const ReplayOptions& replay, const MqttReplayOptions& options, EventSink* also) {
  MqttConfig mc = mqtt;
  mc.enabled = true;
  if (!options.broker.empty()) std::tie(mc.host, mc.port) = parse_broker(options.broker, mc.port);
  mc.outbox_size = std::max<std::size_t>(mc.outbox_size, 100000000);  // a replay drops nothing
  const std::string live_id = mc.chair_id.empty() ? default_chair_id(system_chair_id_sources()) : mc.chair_id;
  if (!options.chair_id.empty() && !valid_chair_id(options.chair_id))
    throw InputError("--chair-id", 0, "'" + options.chair_id + "': use 1..64 letters, digits, '_' or '-'");
  mc.chair_id = options.chair_id.empty() ? replay_chair_id(live_id) : options.chair_id;
  if (mc.chair_id != live_id) mc.device_name += " (replay)";

  ServiceOptions so;  // no state_dir: a replay's events are not the daemon's to keep
  so.logger = options.logger ? options.logger : stderr_logger("mqtt: ");
  so.outbox_sync = false;
  so.client_id = "chairhub-replay-" + mc.chair_id + "-" + std::to_string(::getpid());
  so.on_command = [](const Command&) { return CommandOutcome{false, kReplayCommandAnswer}; };
  so.logger(LogLevel::notice,
            "publishing as chair '" + mc.chair_id + "' (topics " + mc.base_topic + "/" + mc.chair_id + "/...)" +
                (mc.chair_id == live_id ? ": the live chair's own id; stop chairhubd first"
                                        : ", not as the live chair '" + live_id + "'; --chair-id chooses another"));
  boost::asio::io_context io;
  MqttService service(io, mc, so);
  service.start();
  const auto where = mc.host + ":" + std::to_string(mc.port);
  const auto deadline = std::chrono::steady_clock::now() + options.connect_timeout;
  while (!service.connected() && std::chrono::steady_clock::now() < deadline) io.run_for(std::chrono::milliseconds(20));
  if (!service.connected()) throw InputError("--mqtt", 0, "cannot reach the broker at " + where);

  Tee tee(service.events(), also);
  // Acknowledgements, reconnects, commands: between samples, never blocking, and at most once a
  // millisecond, since a look at the loop costs a system call, more than a sample's analysis.
  // As fast as possible the clock is read every 64 samples (a few microseconds); paced, the
  // samples are far apart and it is read after each.
  constexpr auto kPollEvery = std::chrono::milliseconds(1);
  constexpr std::size_t kClockEvery = 64;
  auto next_poll = std::chrono::steady_clock::now();
  std::size_t samples = 0;
  const auto stats = replay_log(log, config, replay, tee, [&](const LogReader& reader, const Analyzer& analyzer) {
    service.publish_state(analyzer.state());
    if (options.observe) options.observe(reader, analyzer);
    if (++samples % kClockEvery != 0 && replay.speed <= 0) return;
    if (const auto now = std::chrono::steady_clock::now(); now >= next_poll) {
      io.poll();
      next_poll = now + kPollEvery;
    }
  });
  if (!run_until_idle(io, service, options.drain_timeout))
    throw InputError("--mqtt", 0, "the broker at " + where + " did not acknowledge every event in time");
  service.stop();
  return stats;
}

}  // namespace chairhub::mqtt
