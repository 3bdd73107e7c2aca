// `replay --mqtt`: every event of the plain replay arrives on the event topic, in order, also
// when the broker restarts in the middle of the replay.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

#include "support/broker_harness.hpp"
#include "core/input_error.hpp"
#include "mqtt/replay_to_mqtt.hpp"
#include "mqtt/service.hpp"

#include <boost/asio/post.hpp>

namespace chairhub::mqtt {
namespace {

using namespace std::chrono_literals;
using nlohmann::ordered_json;

std::vector<ordered_json> expected_events(const std::string& name) {
  std::ifstream in(std::string(CHAIRHUB_GOLDEN_DIR) + "/" + name + ".expected.jsonl");
  std::vector<ordered_json> out;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(ordered_json::parse(line));
  return out;
}

// First arrivals, without the wall-clock stamp (QoS 1 may deliver a message twice).
std::vector<ordered_json> received_events(const std::vector<test::Subscriber::Message>& msgs) {
  std::vector<ordered_json> out;
  std::set<std::string> seen;
  for (const auto& m : msgs) {
    auto j = ordered_json::parse(m.payload);
    EXPECT_TRUE(j.contains("ts"));
    j.erase("ts");
    if (seen.insert(j.dump()).second) out.push_back(j);
  }
  return out;
}

class ReplayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::Broker::available()) GTEST_SKIP() << "no mosquitto broker installed";
    broker.start();
  }
  Config config() const { return Config{}; }
  MqttConfig mqtt() const {
    return mqtt_config_from_toml(toml::parse("[mqtt]\nhost = \"127.0.0.1\"\nport = " + std::to_string(broker.port()) +
                                             "\nchair_id = \"replay\"\nreconnect_min_s = 1\nreconnect_max_s = 1\n"),
                                 "test.toml");
  }
  test::Broker broker;
  test::LogCatcher log;
};

TEST_F(ReplayTest, EveryEventArrives) {
  test::Subscriber sub(broker.port(), {"chairhub/replay/event", "chairhub/replay/state"});
  ASSERT_TRUE(sub.wait_subscribed());
  ReplayOptions replay;  // as fast as possible
  MqttReplayOptions opts;
  opts.chair_id = "replay";
  opts.logger = log.logger();
  const auto stats = replay_to_mqtt(std::string(CHAIRHUB_GOLDEN_DIR) + "/postures.csv", config(), mqtt(), replay, opts);
  const auto want = expected_events("postures");
  ASSERT_EQ(stats.events, want.size());
  ASSERT_TRUE(sub.wait_for("chairhub/replay/event", [&](auto& m) { return m.size() >= want.size(); }));
  EXPECT_EQ(received_events(sub.on("chairhub/replay/event")), want);
  EXPECT_FALSE(sub.on("chairhub/replay/state").empty());
}

TEST_F(ReplayTest, BrokerRestartMidReplayLosesNothing) {
  auto sub = std::make_unique<test::Subscriber>(broker.port(), std::vector<std::string>{"chairhub/replay/event"},
                                                "replay-watcher", false);
  ASSERT_TRUE(sub->wait_subscribed());
  const auto want = expected_events("workday");
  ReplayOptions replay;
  replay.speed = 4000;  // the two-hour log in under 2 s, so the restart lands mid-replay
  MqttReplayOptions opts;
  opts.chair_id = "replay";
  opts.logger = log.logger();
  std::exception_ptr failure;
  std::thread runner([&] {
    try {
      replay_to_mqtt(std::string(CHAIRHUB_GOLDEN_DIR) + "/workday.csv", config(), mqtt(), replay, opts);
    } catch (...) {
      failure = std::current_exception();
    }
  });
  const bool some_arrived =
      sub->wait_for("chairhub/replay/event", [&](auto& m) { return m.size() >= want.size() / 3; }, 10000ms);
  broker.stop();
  std::this_thread::sleep_for(300ms);  // an outage while the replay goes on
  broker.start();
  runner.join();
  ASSERT_TRUE(some_arrived);
  EXPECT_TRUE(log.has("connection to the broker lost"));
  if (failure) std::rethrow_exception(failure);
  EXPECT_TRUE(sub->wait_for("chairhub/replay/event", [&](const auto& m) { return received_events(m).size() >= want.size(); },
                            10000ms));
  EXPECT_EQ(received_events(sub->on("chairhub/replay/event")), want);
}

TEST_F(ReplayTest, UnreachableBrokerIsAnInputError) {
  MqttReplayOptions opts;
  opts.broker = "127.0.0.1:" + std::to_string(test::free_loopback_port());
  opts.connect_timeout = 300ms;
  opts.logger = log.logger();
  EXPECT_THROW(replay_to_mqtt(std::string(CHAIRHUB_GOLDEN_DIR) + "/postures.csv", config(), mqtt(), {}, opts), InputError);
}

// A replay beside a running daemon with the same config: the daemon's connection, retained
// state and status stay untouched, the replay publishes as a chair of its own, and a command
// sent to the replay gets the documented answer.
TEST_F(ReplayTest, NeverDisturbsTheLiveChair) {
  test::Subscriber sub(broker.port(), {"chairhub/#"});
  ASSERT_TRUE(sub.wait_subscribed());
  boost::asio::io_context live_io;
  test::LogCatcher live_log;
  ServiceOptions live_options;
  live_options.logger = live_log.logger();
  live_options.outbox_sync = false;
  MqttService live(live_io, mqtt(), live_options);  // chair "replay", as chairhubd would be
  live.start();
  std::thread live_thread([&] { live_io.run(); });
  ASSERT_TRUE(sub.wait_last("chairhub/replay/status", "online"));

  ReplayOptions replay;
  replay.speed = 4000;
  MqttReplayOptions opts;
  opts.logger = log.logger();
  std::thread commander([&] {  // a command once the replay is under way
    if (sub.wait_for("chairhub/replay-replay/event", [](const auto& m) { return !m.empty(); }))
      sub.publish("chairhub/replay-replay/set", R"({"command":"tare","id":"c1"})");
  });
  replay_to_mqtt(std::string(CHAIRHUB_GOLDEN_DIR) + "/workday.csv", config(), mqtt(), replay, opts);
  commander.join();
  ASSERT_TRUE(sub.wait_for("chairhub/replay-replay/status", [](const auto& m) { return m.size() >= 2; }));
  const auto live_status = sub.on("chairhub/replay/status");  // before the live chair stops
  boost::asio::post(live_io, [&] { live.stop(); });
  live_thread.join();

  EXPECT_TRUE(log.has("publishing as chair 'replay-replay'")) << "the replay says which chair it is";
  EXPECT_FALSE(live_log.has("connection to the broker lost"));
  ASSERT_EQ(live_status.size(), 1u);  // still online, never flipped
  EXPECT_EQ(live_status[0].payload, "online");
  EXPECT_EQ(sub.on("chairhub/replay-replay/status").back().payload, "offline");
  EXPECT_TRUE(sub.on("chairhub/replay/state").empty());
  EXPECT_TRUE(sub.on("chairhub/replay/event").empty());
  EXPECT_EQ(received_events(sub.on("chairhub/replay-replay/event")), expected_events("workday"));
  const auto answers = sub.on("chairhub/replay-replay/response/set");
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(ordered_json::parse(answers[0].payload),
            ordered_json({{"status", "error"}, {"command", "tare"}, {"id", "c1"}, {"error", kReplayCommandAnswer}}));
}

TEST(ReplayChairId, IsTheLiveOnesWithASuffixThatFits) {
  EXPECT_EQ(replay_chair_id("office"), "office-replay");
  const auto long_id = replay_chair_id(std::string(64, 'a'));
  EXPECT_EQ(long_id.size(), 64u);
  EXPECT_TRUE(valid_chair_id(long_id));
}

TEST(ParseBroker, Forms) {
  EXPECT_EQ(parse_broker("localhost", 1883), (std::pair<std::string, int>{"localhost", 1883}));
  EXPECT_EQ(parse_broker("10.0.0.2:8883", 1883), (std::pair<std::string, int>{"10.0.0.2", 8883}));
  EXPECT_EQ(parse_broker("[::1]:1884", 1883), (std::pair<std::string, int>{"::1", 1884}));
  for (const char* bad : {"", ":1883", "host:", "host:99999", "host:12x", "::1", "[::1"})
    EXPECT_THROW(parse_broker(bad, 1883), InputError) << bad;
}

}  // namespace
}  // namespace chairhub::mqtt
