#pragma once
// One libmosquitto client. The network runs on a thread of its own (libmosquitto's loop, so a
// slow or dead broker never stalls the analysis; the TCP handshake is tried without blocking
// first, so a stop is never held up by a host that does not answer); every callback is posted into the
// application's Boost.Asio io_context, so all state is touched by the io_context thread only.
// Publishing is called from that thread too.
#include <utility>  // before Boost.Asio: Boost 1.74 + GCC 12 + C++20 need std::exchange declared
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "mqtt/inbox.hpp"
#include "mqtt/link.hpp"
#include "core/log.hpp"

struct mosquitto;
struct mosquitto_message;

namespace chairhub::mqtt {

struct MosquittoLibrary;

struct ConnectionOptions {
  std::string host = "localhost";
  int port = 1883;
  std::string client_id;
  int keepalive_s = 30;
  int reconnect_min_s = 1;
  int reconnect_max_s = 60;
  std::string will_topic;     // retained will, sent by the broker if we vanish
  std::string will_payload;
  std::filesystem::path ca_file;
  std::filesystem::path cert_file;
  std::filesystem::path key_file;
  std::string username;
  std::string password;
};

class Connection : public Link {
 public:
  struct Handlers {
    std::function<void()> connected;              // after every successful CONNACK
    std::function<void()> disconnected;
    std::function<void(int mid)> acked;           // PUBACK of a QoS 1 publish
    // `retained` is the broker's flag: a stored message, not one sent now. Taken from the inbox
    // at its rate (Inbox::Limits), one at a time.
    std::function<void(const std::string& topic, const std::string& payload, bool retained)> message;
  };

  Connection(boost::asio::io_context& io, ConnectionOptions options, Handlers handlers, Logger logger,
             const Inbox::Limits& inbox_limits = {});
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Throws std::runtime_error when libmosquitto rejects the options (e.g. unreadable TLS files).
  void start();
  // Sends DISCONNECT after whatever is already queued (so a last retained "offline" goes out
  // first) and joins the network thread.
  void stop();

  std::optional<int> publish(const std::string& topic, const std::string& payload, int qos,
                             bool retain) override;
  bool connected() const override { return connected_; }

  // Remembered and renewed after every reconnect.
  void subscribe(const std::string& filter, int qos);

 private:
  void run();
  void wait_backoff(int seconds);
  template <class F>
  void post(F&& f);

  static void on_connect_cb(mosquitto*, void*, int);
  static void on_disconnect_cb(mosquitto*, void*, int);
  static void on_publish_cb(mosquitto*, void*, int);
  static void on_message_cb(mosquitto*, void*, const ::mosquitto_message*);
  static void on_log_cb(mosquitto*, void*, int level, const char* text);
  void schedule_inbox();
  void drain_inbox();
  std::string failure_text(int rc, bool answered);

  const MosquittoLibrary& lib_;  // loaded by the first connection (mosquitto_library.hpp)
  boost::asio::io_context& io_;
  ConnectionOptions options_;
  Handlers handlers_;
  Logger log_;
  mosquitto* mosq_ = nullptr;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> session_up_{false};  // network thread's view: reset the backoff after a CONNACK
  int refusal_ = 0;                       // network thread only: the CONNACK code of a refusal
  std::mutex attempt_log_mutex_;
  std::string attempt_log_;  // libmosquitto's error lines during the current attempt (TLS reasons)
  std::mutex wait_mutex_;
  std::condition_variable wait_cv_;
  bool connected_ = false;  // io_context thread's view
  std::vector<std::pair<std::string, int>> subscriptions_;
  Inbox inbox_;
  std::atomic<bool> inbox_scheduled_{false};  // a drain is posted or its timer set
  boost::asio::steady_timer inbox_timer_;
  std::size_t dropped_unsaid_ = 0;  // io_context thread, as is the next
  std::optional<std::chrono::steady_clock::time_point> drops_said_;
  // Handlers posted before destruction must not touch a dead object.
  std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
};

}  // namespace chairhub::mqtt
