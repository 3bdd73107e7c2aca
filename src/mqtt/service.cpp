#include "mqtt/service.hpp"

#include <random>

namespace chairhub::mqtt {

namespace {

std::string resolve_chair_id(const MqttConfig& config, const ServiceOptions& options) {
  if (!config.chair_id.empty()) return config.chair_id;
  return default_chair_id(options.id_sources ? *options.id_sources : system_chair_id_sources());
}

}  // namespace

MqttService::MqttService(boost::asio::io_context& io, MqttConfig config, ServiceOptions options)
    : io_(io),
      config_(std::move(config)),
      options_(std::move(options)),
      log_(options_.logger ? options_.logger : stderr_logger("mqtt: ")),
      topics_(config_.base_topic, resolve_chair_id(config_, options_), config_.discovery_prefix),
      ha_timer_(io),
      stop_timer_(io) {
  if (!options_.clock) options_.clock = system_wall_clock();

  ConnectionOptions c;
  c.host = config_.host;
  c.port = config_.port;
  c.client_id = options_.client_id.empty() ? "chairhub-" + topics_.chair_id() : options_.client_id;
  c.keepalive_s = config_.keepalive_s;
  c.reconnect_min_s = config_.reconnect_min_s;
  c.reconnect_max_s = config_.reconnect_max_s;
  c.will_topic = topics_.status();
  c.will_payload = "offline";
  c.ca_file = config_.ca_file;
  c.cert_file = config_.cert_file;
  c.key_file = config_.key_file;
  if (!c.key_file.empty()) check_private_file(c.key_file, "TLS client key file", config_.credentials_permissions, log_);
  if (!config_.credentials_file.empty()) {
    const auto creds = read_credentials(config_.credentials_file, config_.credentials_permissions, log_);
    c.username = creds.username;
    c.password = creds.password;
  }
  if (config_.ca_file.empty() && !c.username.empty())
    log_(LogLevel::warning, "the broker password is sent without TLS (set mqtt.ca_file)");

  Connection::Handlers h;
  h.connected = [this] { on_connected(); };
  h.disconnected = [this] { sink_->disconnected(); };
  h.acked = [this](int mid) { sink_->acked(mid); };
  h.message = [this](const std::string& t, const std::string& p, bool retained) { on_message(t, p, retained); };
  connection_ = std::make_unique<Connection>(io_, std::move(c), std::move(h), log_);

  const auto dir = options_.state_dir;
  outbox_ = std::make_unique<Outbox>(
      OutboxOptions{config_.outbox_size, dir.empty() ? dir : dir / options_.outbox_file_name, options_.outbox_sync}, log_);
  sink_ = std::make_unique<MqttSink>(io_, *connection_, *outbox_, MqttSink::Options{topics_.event()}, options_.clock, log_);
  const auto started = std::chrono::steady_clock::now();
  auto diagnostics = [this, started] {
    const std::chrono::duration<double> up = std::chrono::steady_clock::now() - started;
    return Diagnostics{options_.sw_version, up.count(), outbox_->size()};
  };
  state_ = std::make_unique<StatePublisher>(*connection_, topics_.state(), options_.clock,
                                            StatePayloadOptions{config_.publish_weight}, config_.state_interval_s,
                                            diagnostics);
  DiscoveryInfo info{config_.device_name,    options_.sw_version,    options_.support_url, config_.publish_weight,
                     config_.snooze_minutes, config_.suggested_area, options_.configuration_url, {}};
  discovery_ = std::make_unique<DiscoveryPublisher>(*connection_, topics_, std::move(info),
                                                    dir.empty() ? dir : dir / "mqtt-discovery.json", log_);
  router_ = std::make_unique<CommandRouter>(*connection_, topics_, options_.on_command, log_);
}

void MqttService::set_profiles(std::vector<std::string> profiles) {
  if (profiles == profiles_) return;
  profiles_ = profiles;
  discovery_->set_profiles(std::move(profiles));
  if (connection_->connected()) discovery_->publish();
}

void MqttService::respond(const std::string& op, const nlohmann::ordered_json& body) {
  if (!connection_->connected()) return;
  connection_->publish(topics_.response(op), body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
                       1, false);
}

MqttService::~MqttService() {
  // A destructor must not throw (that ends the program). The daemon calls stop() itself first;
  // here it is only a last, best-effort goodbye.
  try {
    stop();
  } catch (...) {  // nothing is left to report it to
  }
  connection_.reset();  // joins the network thread before the modules it calls into go away
}

void MqttService::start() {
  if (work_) return;
  work_.emplace(io_.get_executor());
  connection_->subscribe(topics_.set(), 1);
  connection_->subscribe(topics_.request_filter(), 1);
  if (config_.discovery) connection_->subscribe(topics_.ha_status(), 1);
  connection_->start();
}

void MqttService::stop() {
  if (!work_) return;
  ha_timer_.cancel();
  // a clean disconnect suppresses the will, so say "offline" ourselves
  if (connection_->connected()) connection_->publish(topics_.status(), "offline", 1, true);
  if (const auto waiting = outbox_->size(); waiting > 0)
    log_(LogLevel::notice, std::to_string(waiting) + " event(s) not yet delivered (" +
                               (connection_->connected() ? "the broker did not acknowledge them in time"
                                                         : "no connection to the broker") +
                               (options_.state_dir.empty() ? "); they are dropped, as nothing keeps them"
                                                           : "); they stay in the outbox for the next start"));
  connection_->stop();
  work_.reset();
}

void MqttService::stop_when_delivered(std::chrono::milliseconds grace) {
  stop_at(std::chrono::steady_clock::now() + grace);
}

void MqttService::stop_at(std::chrono::steady_clock::time_point deadline) {
  if (!connected() || idle() || std::chrono::steady_clock::now() >= deadline) return stop();
  stop_timer_.expires_after(std::chrono::milliseconds(20));
  stop_timer_.async_wait([this, deadline](const boost::system::error_code& ec) {
    if (!ec) stop_at(deadline);
  });
}

void MqttService::on_connected() {
  connection_->publish(topics_.status(), "online", 1, true);
  publish_discovery_and_state();
  sink_->connected();
}

void MqttService::publish_discovery_and_state() {
  if (config_.discovery) discovery_->publish();
  state_->republish();
}

void MqttService::on_message(const std::string& topic, const std::string& payload, bool retained) {
  if (topic == topics_.ha_status()) {
    if (payload != "online") return;
    // every device answers HA's restart at once otherwise; spread them out
    static thread_local std::mt19937 rng{std::random_device{}()};
    const auto max_ms = std::max<long long>(0, options_.ha_online_delay_max.count());
    std::uniform_int_distribution<long long> pick(0, max_ms);
    ha_timer_.expires_after(std::chrono::milliseconds(pick(rng)));
    ha_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (!ec && connection_->connected()) publish_discovery_and_state();
    });
    return;
  }
  router_->handle(topic, payload, retained);
}

bool run_until_idle(boost::asio::io_context& io, const MqttService& service, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!service.idle()) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return false;
    io.run_for(std::min<std::chrono::steady_clock::duration>(deadline - now, std::chrono::milliseconds(20)));
    if (io.stopped()) io.restart();
  }
  return true;
}

}  // namespace chairhub::mqtt
