#include "mqtt/connection.hpp"

#include <mqtt_protocol.h>
#include <netdb.h>

#include <boost/asio/post.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "mqtt/mosquitto_library.hpp"
#include "mqtt/tcp_probe.hpp"
#include "mqtt/tls_diagnosis.hpp"

namespace chairhub::mqtt {

namespace {

// libmosquitto's texts end in a full stop; ours go on after them.
std::string without_full_stop(std::string text) {
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string error_text(int rc) {
  if (rc == MOSQ_ERR_ERRNO) return std::strerror(errno);
  if (rc == MOSQ_ERR_EAI) return std::string("cannot look up the host: ") + gai_strerror(errno);
  return without_full_stop(mosquitto_library().strerror(rc));
}

// Errors raised before libmosquitto took the message into its queue; any other result of a
// QoS 1 publish means it is queued and will be (re)sent, even if the socket is down right now.
bool rejected_before_queueing(int rc) {
  switch (rc) {
    case MOSQ_ERR_INVAL:
    case MOSQ_ERR_NOMEM:
    case MOSQ_ERR_PAYLOAD_SIZE:
    case MOSQ_ERR_MALFORMED_UTF8:
    case MOSQ_ERR_QOS_NOT_SUPPORTED:
    case MOSQ_ERR_OVERSIZE_PACKET:
      return true;
    default:
      return false;
  }
}

// The broker's CONNACK said no. Bad credentials get a line of their own: retrying does not
// help until someone fixes them.
std::string refusal_text(int connack, bool has_username) {
  const std::string reason = without_full_stop(mosquitto_library().connack_string(connack));
  if (connack == CONNACK_REFUSED_BAD_USERNAME_PASSWORD || connack == CONNACK_REFUSED_NOT_AUTHORIZED)
    return "refused the credentials (" + reason + "): " +
           (has_username ? "check the username and password in mqtt.credentials_file"
                         : "the broker wants a username and password (mqtt.credentials_file)");
  return "refused the connection (" + reason + ")";
}

}  // namespace

Connection::Connection(boost::asio::io_context& io, ConnectionOptions options, Handlers handlers, Logger logger,
                       const Inbox::Limits& inbox_limits)
    : lib_(mosquitto_library()),
      io_(io),
      options_(std::move(options)),
      handlers_(std::move(handlers)),
      log_(or_silent(std::move(logger))),
      inbox_(inbox_limits),
      inbox_timer_(io) {}

Connection::~Connection() {
  stop();
  alive_->store(false);
  if (mosq_) lib_.destroy(mosq_);
}

template <class F>
void Connection::post(F&& f) {
  boost::asio::post(io_, [alive = alive_, f = std::forward<F>(f)]() mutable {
    if (alive->load()) f();
  });
}

void Connection::start() {
  if (mosq_) return;
  // Clean session: undelivered events are kept by our own outbox, which survives restarts.
  mosq_ = lib_.new_client(options_.client_id.empty() ? nullptr : options_.client_id.c_str(), true, this);
  if (!mosq_) throw std::runtime_error("mqtt: cannot create a client");
  // the network thread is ours, not libmosquitto's: it must wake the loop when we publish
  lib_.threaded_set(mosq_, true);
  lib_.int_option(mosq_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
  auto check = [&](int rc, const char* what) {
    if (rc != MOSQ_ERR_SUCCESS) throw std::runtime_error(std::string("mqtt: ") + what + ": " + error_text(rc));
  };
  if (!options_.will_topic.empty()) {
    check(lib_.will_set(mosq_, options_.will_topic.c_str(), static_cast<int>(options_.will_payload.size()),
                             options_.will_payload.data(), 1, true),
          "will");
  }
  if (!options_.ca_file.empty()) {
    const std::string ca = options_.ca_file.string(), cert = options_.cert_file.string(),
                      key = options_.key_file.string();
    check(lib_.tls_set(mosq_, ca.c_str(), nullptr, cert.empty() ? nullptr : cert.c_str(),
                            key.empty() ? nullptr : key.c_str(), nullptr),
          "TLS setup (ca_file/cert_file/key_file)");
  }
  if (!options_.username.empty()) {
    check(lib_.username_pw_set(mosq_, options_.username.c_str(),
                                    options_.password.empty() ? nullptr : options_.password.c_str()),
          "credentials");
  }
  lib_.connect_callback_set(mosq_, &Connection::on_connect_cb);
  lib_.disconnect_callback_set(mosq_, &Connection::on_disconnect_cb);
  lib_.publish_callback_set(mosq_, &Connection::on_publish_cb);
  lib_.message_callback_set(mosq_, &Connection::on_message_cb);
  lib_.log_callback_set(mosq_, &Connection::on_log_cb);
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

// The network thread: connect, run libmosquitto's blocking loop until the connection drops,
// wait out the backoff, repeat. mosquitto_connect keeps unacknowledged QoS 1 messages and
// resends them after the CONNACK.
void Connection::run() {
  int delay = options_.reconnect_min_s;
  while (!stopping_) {
    {
      std::lock_guard lock(attempt_log_mutex_);
      attempt_log_.clear();
    }
    const auto why_not = tcp_unreachable(options_.host, options_.port, std::chrono::seconds(options_.keepalive_s), stopping_);
    if (stopping_) break;
    int rc = why_not ? MOSQ_ERR_NO_CONN : lib_.connect(mosq_, options_.host.c_str(), options_.port, options_.keepalive_s);
    if (rc == MOSQ_ERR_SUCCESS) {
      std::optional<std::chrono::steady_clock::time_point> give_up;
      while (rc == MOSQ_ERR_SUCCESS) {
        rc = lib_.loop(mosq_, 500, 1);
        // after stop(), keep looping until the queued packets and DISCONNECT are written
        if (stopping_) {
          const auto now = std::chrono::steady_clock::now();
          if (!give_up) give_up = now + std::chrono::seconds(2);
          else if (now > *give_up) break;
        }
      }
    }
    if (stopping_) break;
    const bool answered = session_up_.exchange(false);
    if (answered) delay = options_.reconnect_min_s;
    const int refusal = std::exchange(refusal_, 0);
    const std::string why = refusal ? refusal_text(refusal, !options_.username.empty())
                            : why_not ? *why_not
                                      : failure_text(rc, answered);
    log_(refusal ? LogLevel::error : LogLevel::warning,
         "broker " + options_.host + ":" + std::to_string(options_.port) + ": " + why + "; retrying in " +
             std::to_string(delay) + " s");
    wait_backoff(delay);
    delay = std::min(delay * 2, options_.reconnect_max_s);
  }
}

// Why an attempt or a session ended, in plain words where libmosquitto's code says too little.
std::string Connection::failure_text(int rc, bool answered) {
  std::string logged;
  {
    std::lock_guard lock(attempt_log_mutex_);
    logged = attempt_log_;
  }
  if (!options_.ca_file.empty() && !answered) {
    const TlsSetup setup{options_.host, options_.port, options_.ca_file, options_.cert_file};
    if (auto why = explain_tls_failure(logged, setup)) return *why;
  }
  if (!answered && rc == MOSQ_ERR_KEEPALIVE)
    return "no answer within " + std::to_string(options_.keepalive_s) +
           " s (a firewall dropping the connection, or not an MQTT broker?)";
  return error_text(rc);
}

void Connection::wait_backoff(int seconds) {
  std::unique_lock lock(wait_mutex_);
  wait_cv_.wait_for(lock, std::chrono::seconds(seconds), [this] { return stopping_.load(); });
}

void Connection::stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(wait_mutex_);
    stopping_ = true;
  }
  wait_cv_.notify_all();
  lib_.disconnect(mosq_);
  thread_.join();
  if (connected_) {
    connected_ = false;
    if (handlers_.disconnected) handlers_.disconnected();
  }
}

std::optional<int> Connection::publish(const std::string& topic, const std::string& payload, int qos, bool retain) {
  if (!mosq_) return std::nullopt;
  int mid = 0;
  const int rc = lib_.publish(mosq_, &mid, topic.c_str(), static_cast<int>(payload.size()), payload.data(), qos,
                                   retain);
  if (rc == MOSQ_ERR_SUCCESS || (qos > 0 && !rejected_before_queueing(rc))) return mid;
  log_(LogLevel::debug, "publish to " + topic + " failed: " + error_text(rc));
  return std::nullopt;
}

void Connection::subscribe(const std::string& filter, int qos) {
  subscriptions_.emplace_back(filter, qos);
  if (connected_) lib_.subscribe(mosq_, nullptr, filter.c_str(), qos);
}

void Connection::on_connect_cb(mosquitto*, void* obj, int rc) {
  auto* self = static_cast<Connection*>(obj);
  if (rc != 0) {
    self->refusal_ = rc;  // run() says why, with the retry
    return;
  }
  self->session_up_ = true;
  self->post([self] {
    self->connected_ = true;
    for (const auto& [filter, qos] : self->subscriptions_) self->lib_.subscribe(self->mosq_, nullptr, filter.c_str(), qos);
    self->log_(LogLevel::info, "connected to " + self->options_.host + ":" + std::to_string(self->options_.port));
    if (self->handlers_.connected) self->handlers_.connected();
  });
}

void Connection::on_disconnect_cb(mosquitto*, void* obj, int rc) {
  auto* self = static_cast<Connection*>(obj);
  self->post([self, rc] {
    if (!self->connected_) return;
    self->connected_ = false;
    if (rc != 0) self->log_(LogLevel::warning, "connection to the broker lost");
    if (self->handlers_.disconnected) self->handlers_.disconnected();
  });
}

void Connection::on_publish_cb(mosquitto*, void* obj, int mid) {
  auto* self = static_cast<Connection*>(obj);
  self->post([self, mid] {
    if (self->handlers_.acked) self->handlers_.acked(mid);
  });
}

void Connection::on_log_cb(mosquitto*, void* obj, int level, const char* text) {
  if ((level & MOSQ_LOG_ERR) == 0 || text == nullptr) return;
  auto* self = static_cast<Connection*>(obj);
  std::lock_guard lock(self->attempt_log_mutex_);
  if (self->attempt_log_.size() < 4096) self->attempt_log_.append(text).append("\n");
}

void Connection::on_message_cb(mosquitto*, void* obj, const mosquitto_message* msg) {
  auto* self = static_cast<Connection*>(obj);
  if (self->inbox_.push(msg->topic ? msg->topic : "", static_cast<const char*>(msg->payload),
                        static_cast<std::size_t>(std::max(0, msg->payloadlen)), msg->retain))
    self->schedule_inbox();
}

// Any thread: makes sure a drain is on its way while messages wait.
void Connection::schedule_inbox() {
  if (!inbox_scheduled_.exchange(true)) post([this] { drain_inbox(); });
}

// io_context thread: one message now, the next one after the other work queued meanwhile.
void Connection::drain_inbox() {
  const auto now = std::chrono::steady_clock::now();
  // said at most every 10 s, so that a flood does not flood the journal too
  dropped_unsaid_ += inbox_.take_dropped();
  if (dropped_unsaid_ > 0 && (!drops_said_ || now - *drops_said_ > std::chrono::seconds(10))) {
    log_(LogLevel::warning, std::to_string(std::exchange(dropped_unsaid_, 0)) +
                                " message(s) from the broker dropped: more arrived than the chair takes (a flood of "
                                "commands?)");
    drops_said_ = now;
  }
  std::chrono::steady_clock::duration wait{};
  if (auto m = inbox_.pop(now, wait)) {
    if (handlers_.message) handlers_.message(m->topic, m->payload, m->retained);
  }
  if (wait > std::chrono::steady_clock::duration::zero()) {
    inbox_timer_.expires_after(wait);
    inbox_timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
      if (!ec && alive->load()) drain_inbox();
    });
    return;
  }
  if (!inbox_.empty()) return post([this] { drain_inbox(); });
  inbox_scheduled_ = false;
  if (!inbox_.empty()) schedule_inbox();  // a message that came in just now
}

}  // namespace chairhub::mqtt
