// Against a real mosquitto on 127.0.0.1: discovery, retained state, the will after kill -9,
// no lost events across a broker restart and across a chair restart during an outage, and
// bad commands, and commands left retained on the broker.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "support/broker_harness.hpp"
#include "mqtt/service.hpp"

namespace chairhub::mqtt {
namespace {

using namespace std::chrono_literals;
using nlohmann::ordered_json;
using test::Subscriber;

class BrokerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::Broker::available()) GTEST_SKIP() << "no mosquitto broker installed";
    broker.start();
  }

  MqttConfig config(const std::string& chair_id) const {
    MqttConfig c;
    c.enabled = true;
    c.host = "127.0.0.1";
    c.port = broker.port();
    c.chair_id = chair_id;
    c.reconnect_min_s = 1;
    c.reconnect_max_s = 1;
    return c;
  }
  std::unique_ptr<MqttService> service(const std::string& chair_id, CommandHandler handler = {}) {
    ServiceOptions o;
    o.state_dir = state.path();
    o.logger = log.logger();
    o.on_command = std::move(handler);
    o.ha_online_delay_max = 20ms;
    o.outbox_sync = false;
    return std::make_unique<MqttService>(io, config(chair_id), std::move(o));
  }
  // Runs the io_context (the chair's loop) until `pred` or the timeout.
  bool run_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout = 10000ms) {
    const auto deadline = test::Clock::now() + timeout;
    while (!pred()) {
      if (test::Clock::now() >= deadline) return false;
      io.run_for(5ms);
    }
    return true;
  }
  static std::vector<int> numbers(const std::vector<Subscriber::Message>& msgs) {
    std::vector<int> out;
    out.reserve(msgs.size());
    for (const auto& m : msgs) out.push_back(ordered_json::parse(m.payload)["t"].get<int>());
    return out;
  }
  // QoS 1 is at-least-once: a message in flight when the broker died may come twice. What
  // must hold: every number arrives, and first arrivals are in order.
  static void expect_all_in_order(const std::vector<int>& got, int first, int last) {
    std::vector<int> firsts;
    std::set<int> seen;
    for (int n : got)
      if (seen.insert(n).second) firsts.push_back(n);
    std::vector<int> want;
    for (int n = first; n <= last; ++n) want.push_back(n);
    EXPECT_EQ(firsts, want);
  }

  test::Broker broker;
  test::TempDir state;
  test::LogCatcher log;
  boost::asio::io_context io;
};

TEST_F(BrokerTest, DiscoveryStatusAndStateAreRetained) {
  auto chair = service("c1");
  chair->start();
  ChairState s;
  s.occupied = true;
  s.posture = Posture::leaning_left;
  s.seat_kg = 80;
  chair->publish_state(s);
  ASSERT_TRUE(run_until([&] { return chair->connected(); }));
  run_until([] { return false; }, 200ms);  // let the publishes go out

  // a client arriving later gets everything from the broker's retained store
  Subscriber sub(broker.port(), {"homeassistant/device/c1/config", "chairhub/c1/state", "chairhub/c1/status"});
  ASSERT_TRUE(sub.wait_subscribed());
  ASSERT_TRUE(sub.wait_last("chairhub/c1/status", "online"));
  ASSERT_TRUE(sub.wait_for("chairhub/c1/state", [](auto& m) { return !m.empty(); }));
  ASSERT_TRUE(sub.wait_for("homeassistant/device/c1/config", [](auto& m) { return !m.empty(); }));

  const auto state_msg = sub.on("chairhub/c1/state").back();
  EXPECT_TRUE(state_msg.retain);
  const auto st = ordered_json::parse(state_msg.payload);
  EXPECT_EQ(st["occupied"], true);
  EXPECT_EQ(st["posture"], "leaning_left");
  EXPECT_FALSE(st.contains("seat_kg"));  // not allowed by default

  const auto disc = sub.on("homeassistant/device/c1/config").back();
  EXPECT_TRUE(disc.retain);
  const auto d = ordered_json::parse(disc.payload);
  EXPECT_EQ(d["dev"]["identifiers"][0], "chairhub_c1");
  EXPECT_EQ(d["availability"][0]["topic"], "chairhub/c1/status");
  EXPECT_EQ(d["cmps"]["occupancy"]["unique_id"], "chairhub_c1_occupancy");
  EXPECT_EQ(d["cmps"]["posture"]["options"].size(), std::size(kAllPostures));
  EXPECT_TRUE(d["cmps"].contains("events"));
  EXPECT_TRUE(d["cmps"].contains("nudges"));

  // Home Assistant restarting: discovery and state again
  const auto before = sub.on("homeassistant/device/c1/config").size();
  sub.publish("homeassistant/status", "online");
  ASSERT_TRUE(run_until([&] {
    return sub.on("homeassistant/device/c1/config").size() > before && sub.on("chairhub/c1/state").size() > 1;
  }));

  // a clean stop leaves "offline"
  chair->stop();
  EXPECT_TRUE(sub.wait_last("chairhub/c1/status", "offline"));
}

TEST_F(BrokerTest, WillSaysOfflineAfterKill9) {
  Subscriber sub(broker.port(), {"chairhub/k9/status"});
  ASSERT_TRUE(sub.wait_subscribed());
  test::Child chair({CHAIRHUB_TEST_CHAIR, std::to_string(broker.port()), "k9", state.path().string(), "1", "0"}, true);
  ASSERT_TRUE(chair.wait_for_line("queued", 10000ms));
  ASSERT_TRUE(sub.wait_last("chairhub/k9/status", "online"));
  chair.kill(SIGKILL);
  ASSERT_TRUE(chair.wait(5000ms));
  EXPECT_TRUE(sub.wait_last("chairhub/k9/status", "offline"));
  EXPECT_TRUE(sub.on("chairhub/k9/status").back().retain == false);  // live delivery of the will
  // and it is retained for whoever looks later
  Subscriber late(broker.port(), {"chairhub/k9/status"});
  ASSERT_TRUE(late.wait_subscribed());
  EXPECT_TRUE(late.wait_last("chairhub/k9/status", "offline"));
  EXPECT_TRUE(late.on("chairhub/k9/status").back().retain);
}

TEST_F(BrokerTest, NoEventLostAcrossABrokerRestart) {
  // a persistent subscriber session, like Home Assistant's or Node-RED's
  auto sub = std::make_unique<Subscriber>(broker.port(), std::vector<std::string>{"chairhub/br/event"}, "watcher", false);
  ASSERT_TRUE(sub->wait_subscribed());
  auto chair = service("br");
  chair->start();
  ASSERT_TRUE(run_until([&] { return chair->connected(); }));

  int n = 0;
  auto emit = [&](int count) {
    for (int i = 0; i < count; ++i) {
      ++n;
      chair->events().on_event({static_cast<double>(n), Seated{}});  // numbered by t
      io.poll();  // the chair's loop keeps turning between events, as in a replay
    }
  };
  emit(30);  // some of these are still in flight when the broker goes
  broker.stop();
  ASSERT_TRUE(run_until([&] { return !chair->connected(); }));
  emit(30);
  broker.start();
  emit(30);
  ASSERT_TRUE(run_until([&] { return chair->idle(); }, 20000ms));
  ASSERT_TRUE(sub->wait_for("chairhub/br/event", [&](auto& m) {
    std::set<int> seen;
    for (int x : numbers(m)) seen.insert(x);
    return seen.size() == 90u;
  }, 20000ms)) << log.size();
  expect_all_in_order(numbers(sub->on("chairhub/br/event")), 1, 90);
  for (const auto& m : sub->on("chairhub/br/event")) EXPECT_TRUE(ordered_json::parse(m.payload).contains("ts"));
}

TEST_F(BrokerTest, NoEventLostWhenTheChairRestartsDuringAnOutage) {
  Subscriber sub(broker.port(), {"chairhub/cr/event"}, "watcher2", false);
  ASSERT_TRUE(sub.wait_subscribed());
  broker.stop();
  const auto port = std::to_string(broker.port());
  {
    // events 1..10 queued while the broker is away, then the chair crashes
    test::Child chair({CHAIRHUB_TEST_CHAIR, port, "cr", state.path().string(), "1", "10"}, true);
    ASSERT_TRUE(chair.wait_for_line("queued", 10000ms));
    chair.kill(SIGKILL);
    ASSERT_TRUE(chair.wait(5000ms));
  }
  // restarted chair adds 11..15, still offline
  test::Child chair({CHAIRHUB_TEST_CHAIR, port, "cr", state.path().string(), "11", "5"}, true);
  ASSERT_TRUE(chair.wait_for_line("queued", 10000ms));
  broker.start();
  ASSERT_TRUE(sub.wait_for("chairhub/cr/event", [&](auto& m) {
    std::set<int> seen;
    for (int x : numbers(m)) seen.insert(x);
    return seen.size() == 15u;
  }, 20000ms));
  expect_all_in_order(numbers(sub.on("chairhub/cr/event")), 1, 15);
  chair.kill(SIGTERM);
  EXPECT_TRUE(chair.wait(5000ms));
}

TEST_F(BrokerTest, BadCommandsAreAnsweredAndHarmless) {
  std::vector<std::string> applied;
  auto chair = service("cmd", [&](const Command& c) {
    applied.emplace_back(command_name(c));
    return CommandOutcome{};
  });
  chair->start();
  ASSERT_TRUE(run_until([&] { return chair->connected(); }));
  Subscriber sub(broker.port(), {"chairhub/cmd/response/#"});
  ASSERT_TRUE(sub.wait_subscribed());
  run_until([] { return false; }, 100ms);  // the chair's own subscriptions are in place

  const std::vector<std::pair<std::string, std::string>> bad = {
      {"chairhub/cmd/set", "not json"},
      {"chairhub/cmd/set", R"({"command":"selfdestruct"})"},
      {"chairhub/cmd/set", R"({"command":"snooze","minutes":100000})"},
      {"chairhub/cmd/set", R"({"command":"tare","pad":")" + std::string(4000, 'x') + "\"}"},
      {"chairhub/cmd/set", ""},
      {"chairhub/cmd/request/snooze", R"({"minutes":"soon"})"},
      {"chairhub/cmd/request/warp", "{}"},
  };
  for (const auto& [topic, payload] : bad) sub.publish(topic, payload);
  auto all_responses = [&] {
    return sub.on("chairhub/cmd/response/set").size() + sub.on("chairhub/cmd/response/snooze").size() +
           sub.on("chairhub/cmd/response/warp").size();
  };
  ASSERT_TRUE(run_until([&] { return all_responses() == bad.size(); }));
  for (const char* op : {"set", "snooze", "warp"})
    for (const auto& m : sub.on(std::string("chairhub/cmd/response/") + op))
      EXPECT_EQ(ordered_json::parse(m.payload)["status"], "error") << m.payload;
  EXPECT_TRUE(applied.empty());
  EXPECT_TRUE(log.has("rejected"));
  EXPECT_TRUE(chair->connected());

  // and the chair still takes a good one
  sub.publish("chairhub/cmd/request/snooze", R"({"minutes":20,"id":"r1"})");
  ASSERT_TRUE(run_until([&] { return sub.on("chairhub/cmd/response/snooze").size() == 2; }));
  EXPECT_EQ(ordered_json::parse(sub.on("chairhub/cmd/response/snooze").back().payload),
            ordered_json::parse(R"({"status":"ok","command":"snooze","id":"r1"})"));
  EXPECT_EQ(applied, std::vector<std::string>{"snooze"});
}

// A command left retained (by a mistaken client or dashboard) is stored by the broker and sent
// to the chair at every (re)connect; it must not run there, nor be answered.
TEST_F(BrokerTest, RetainedCommandsAreIgnoredAtEveryConnect) {
  Subscriber sub(broker.port(), {"chairhub/ret/response/#", "chairhub/ret/request/#", "chairhub/ret/set"});
  ASSERT_TRUE(sub.wait_subscribed());
  sub.publish("chairhub/ret/request/reset_session", R"({"id":"old"})", true);
  sub.publish("chairhub/ret/set", R"({"command":"nudges","on":false})", true);
  // both came back from the broker, so it stores them before the chair connects
  ASSERT_TRUE(test::wait_until([&] {
    return sub.on("chairhub/ret/request/reset_session").size() == 1 && sub.on("chairhub/ret/set").size() == 1;
  }, 5000ms));

  std::vector<std::string> applied;
  auto chair = service("ret", [&](const Command& c) {
    applied.emplace_back(command_name(c));
    return CommandOutcome{};
  });
  chair->start();
  ASSERT_TRUE(run_until([&] { return chair->connected(); }));
  run_until([] { return false; }, 500ms);  // the stored commands have arrived by now
  ASSERT_TRUE(log.has("retained command on chairhub/ret/request/reset_session ignored"));
  ASSERT_TRUE(log.has("retained command on chairhub/ret/set ignored"));

  // a reconnect brings them again: still nothing runs, and the log does not repeat itself
  broker.stop();
  ASSERT_TRUE(run_until([&] { return !chair->connected(); }));
  broker.start();
  ASSERT_TRUE(run_until([&] { return chair->connected(); }));
  run_until([] { return false; }, 500ms);
  EXPECT_TRUE(applied.empty());
  EXPECT_TRUE(sub.on("chairhub/ret/response/reset_session").empty());
  EXPECT_TRUE(sub.on("chairhub/ret/response/set").empty());
  std::size_t warnings = 0;
  {
    std::lock_guard lock(log.mutex);
    for (const auto& [level, text] : log.lines)
      if (text.find("retained command") != std::string::npos) {
        ++warnings;
        EXPECT_EQ(level, LogLevel::warning);
      }
  }
  EXPECT_EQ(warnings, 2u);

  // a fresh command, sent now and not retained, still runs and is answered
  ASSERT_TRUE(sub.wait_for("chairhub/ret/set", [](auto& m) { return m.size() == 2; }));  // it is back too
  sub.publish("chairhub/ret/request/reset_session", R"({"id":"new"})");
  ASSERT_TRUE(run_until([&] { return !sub.on("chairhub/ret/response/reset_session").empty(); }));
  EXPECT_EQ(ordered_json::parse(sub.on("chairhub/ret/response/reset_session").back().payload)["id"], "new");
  EXPECT_EQ(applied, std::vector<std::string>{"reset_session"});
}

// A host that drops the connection attempt: a listener that never accepts, its queue full, so
// the kernel ignores further handshakes and a connect() would wait for minutes.
class SilentHost {
 public:
  SilentHost() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&a), len) != 0 || ::listen(listener_, 0) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len) != 0)
      throw std::runtime_error("cannot make a listener");
    port_ = ntohs(a.sin_port);
    for (int i = 0; i < 3; ++i) {  // fill the queue
      const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      (void)::connect(fd, reinterpret_cast<sockaddr*>(&a), len);  // in progress or queued: either fills it
      fillers_.push_back(fd);
    }
  }
  ~SilentHost() {
    for (int fd : fillers_) ::close(fd);
    ::close(listener_);
  }
  SilentHost(const SilentHost&) = delete;
  SilentHost& operator=(const SilentHost&) = delete;
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::vector<int> fillers_;
};

// A planned stop does not wait on a broker that never answers, and what was not delivered stays
// in the outbox: a later start delivers it.
TEST_F(BrokerTest, AStopIsNotHeldUpByAHostThatNeverAnswers) {
  SilentHost silent;
  {
    test::Child chair({CHAIRHUB_TEST_CHAIR, std::to_string(silent.port()), "sh", state.path().string(), "1", "3"},
                      true);
    ASSERT_TRUE(chair.wait_for_line("queued", 10000ms));
    std::this_thread::sleep_for(1500ms);  // inside the connection attempt
    chair.kill(SIGTERM);
    EXPECT_TRUE(chair.wait(10000ms)) << "the stop waited on the silent host";
  }
  Subscriber sub(broker.port(), {"chairhub/sh/event"}, "watcher-sh", false);
  ASSERT_TRUE(sub.wait_subscribed());
  test::Child chair({CHAIRHUB_TEST_CHAIR, std::to_string(broker.port()), "sh", state.path().string(), "4", "1"}, true);
  ASSERT_TRUE(sub.wait_for("chairhub/sh/event", [&](auto& m) { return m.size() >= 4u; }, 20000ms));
  expect_all_in_order(numbers(sub.on("chairhub/sh/event")), 1, 4);
  chair.kill(SIGTERM);
  EXPECT_TRUE(chair.wait(5000ms));
}

}  // namespace
}  // namespace chairhub::mqtt
