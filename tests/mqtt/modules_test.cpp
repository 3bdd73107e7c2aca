// The publishing modules against a fake link: event order and acknowledgement, state
// throttling, discovery removal, command routing.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "mqtt/command_router.hpp"
#include "mqtt/discovery_publisher.hpp"
#include "mqtt/sink.hpp"
#include "mqtt/state_publisher.hpp"
#include "support/mqtt_support.hpp"

namespace chairhub::mqtt {
namespace {

using nlohmann::ordered_json;

WallClock fixed_clock() {
  return [] { return WallTime(std::chrono::seconds(1795289266)); };
}

class SinkTest : public ::testing::Test {
 protected:
  boost::asio::io_context io;
  test::FakeLink link;
  Outbox outbox{{100, {}, false}, {}};
  MqttSink sink{io, link, outbox, {"c/event", 3, std::chrono::milliseconds(50)}, fixed_clock(), {}};

  void emit(int n) { sink.on_event({static_cast<double>(n), Seated{}}); }  // numbered by t
  std::vector<int> sent_ns() const {
    std::vector<int> out;
    for (const auto& m : link.on("c/event")) out.push_back(ordered_json::parse(m.payload)["t"].get<int>());
    return out;
  }
};

TEST_F(SinkTest, PublishesWithTimestampAtQos1NotRetained) {
  emit(1);
  ASSERT_EQ(link.sent.size(), 1u);
  EXPECT_EQ(link.sent[0].qos, 1);
  EXPECT_FALSE(link.sent[0].retain);
  EXPECT_EQ(ordered_json::parse(link.sent[0].payload)["ts"], "2026-11-21T19:27:46.000Z");
}

TEST_F(SinkTest, WindowLimitsInFlightAndAcksAdvance) {
  for (int i = 1; i <= 5; ++i) emit(i);
  EXPECT_EQ(sent_ns(), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(outbox.size(), 5u);
  sink.acked(link.sent[0].mid);
  EXPECT_EQ(sent_ns(), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(outbox.size(), 4u);
}

TEST_F(SinkTest, HoldsEventsWhileDisconnectedThenSendsInOrder) {
  link.up = false;
  sink.disconnected();
  for (int i = 1; i <= 4; ++i) emit(i);
  EXPECT_TRUE(link.sent.empty());
  link.up = true;
  sink.connected();
  EXPECT_EQ(sent_ns(), (std::vector<int>{1, 2, 3}));
  // By index: an ack lets the sink send more, which grows link.sent.
  for (std::size_t i = 0; i < link.sent.size(); ++i) sink.acked(link.sent[i].mid);  // NOLINT(modernize-loop-convert)
  EXPECT_EQ(sent_ns(), (std::vector<int>{1, 2, 3, 4}));
  sink.acked(link.sent.back().mid);
  EXPECT_TRUE(sink.idle());
}

TEST_F(SinkTest, AfterReconnectWaitsForResendsBeforeNewEvents) {
  emit(1);
  emit(2);
  link.up = false;
  sink.disconnected();
  emit(3);
  link.up = true;
  sink.connected();
  // libmosquitto resends 1 and 2 itself; 3 must not overtake them
  EXPECT_EQ(sent_ns(), (std::vector<int>{1, 2}));
  sink.acked(link.sent[0].mid);
  sink.acked(link.sent[1].mid);
  EXPECT_EQ(sent_ns(), (std::vector<int>{1, 2, 3}));
}

TEST_F(SinkTest, ResendsItselfIfTheLibraryDoesNot) {
  emit(1);
  link.up = false;
  sink.disconnected();
  emit(2);
  link.up = true;
  sink.connected();
  io.run_for(std::chrono::milliseconds(200));
  EXPECT_EQ(sent_ns(), (std::vector<int>{1, 1, 2}));
}

TEST(StatePublisher, PublishesChangesAtOnceAndTicksByInterval) {
  test::FakeLink link;
  StatePublisher pub(link, "c/state", fixed_clock(), {}, 10);
  ChairState s;
  s.occupied = true;
  s.t = 0;
  pub.update(s);
  s.t = 1;
  s.sitting_s = 1;
  pub.update(s);  // only the time moved: throttled
  EXPECT_EQ(link.on("c/state").size(), 1u);
  s.t = 2;
  s.posture = Posture::upright;
  pub.update(s);  // posture is news
  EXPECT_EQ(link.on("c/state").size(), 2u);
  s.t = 12;
  pub.update(s);  // interval passed
  EXPECT_EQ(link.on("c/state").size(), 3u);
  EXPECT_TRUE(link.sent.back().retain);
  pub.set_control({false, std::nullopt, std::nullopt});
  EXPECT_EQ(ordered_json::parse(link.sent.back().payload)["nudges"], false);
  link.up = false;
  s.t = 30;
  pub.update(s);
  EXPECT_EQ(link.on("c/state").size(), 4u);
  link.up = true;
  pub.republish();
  EXPECT_EQ(link.on("c/state").size(), 5u);
}

// At 80 samples a second the decision runs on every sample; the payload (and the diagnostics
// it carries) is made only for a state that goes out.
TEST(StatePublisher, BuildsThePayloadOnlyWhenItPublishes) {
  test::FakeLink link;
  int asked = 0;
  StatePublisher pub(link, "c/state", fixed_clock(), {}, 10, [&] {
    ++asked;
    return Diagnostics{"1.2.3", 0, 0};
  });
  ChairState s;
  s.occupied = true;
  s.channels = {{"seat_fl", std::nullopt}};
  for (int i = 0; i < 800; ++i) {
    s.t = i * 0.0125;
    s.sitting_s = s.t;
    pub.update(s);
  }
  EXPECT_EQ(link.on("c/state").size(), 1u);
  EXPECT_EQ(asked, 1);
  s.channels[0].fault = Fault::stuck;  // a fault is news
  pub.update(s);
  EXPECT_EQ(link.on("c/state").size(), 2u);
  EXPECT_EQ(asked, 2);
}

// The problem goes out with the state it belongs to (nothing measured while the sensors are
// missing, the first reading once they are back), never with another one.
TEST(StatePublisher, AHardwareProblemGoesOutWithTheNextStateAndClearsTheSameWay) {
  test::FakeLink link;
  StatePublisher pub(link, "c/state", fixed_clock(), {}, 10);
  ChairState s;
  pub.set_hardware_problem("waiting for the sensors: no GPIO chip found");
  EXPECT_TRUE(link.sent.empty());
  pub.update(s);
  ASSERT_EQ(link.on("c/state").size(), 1u);
  EXPECT_EQ(ordered_json::parse(link.sent.back().payload)["health"]["hardware"],
            "waiting for the sensors: no GPIO chip found");
  pub.set_hardware_problem(std::nullopt);
  EXPECT_EQ(link.on("c/state").size(), 1u);
  s.t = 1;
  pub.update(s);  // news: published at once
  ASSERT_EQ(link.on("c/state").size(), 2u);
  const auto health = ordered_json::parse(link.sent.back().payload)["health"];
  EXPECT_TRUE(health["hardware"].is_null());
  EXPECT_EQ(health["ok"], true);
}

// Live samples reach the publisher a little late, and by a varying amount; the session's start
// on the wall clock must not wobble with that, or every sample would look like news.
TEST(StatePublisher, SessionStartStaysPutWhileTheWallClockJitters) {
  test::FakeLink link;
  double jitter_ms = 0;
  auto clock = [&] { return WallTime(std::chrono::seconds(1795289266) + std::chrono::milliseconds(static_cast<int>(jitter_ms))); };
  StatePublisher pub(link, "c/state", clock, {}, 10);
  ChairState s;
  s.occupied = true;
  s.session_start = 0;
  for (int i = 0; i < 50; ++i) {
    s.t = i * 0.1;
    jitter_ms = 100.0 * i + (i % 3) * 7;  // wall time runs with the samples, give or take
    pub.update(s);
  }
  ASSERT_EQ(link.on("c/state").size(), 1u);
  const auto first = ordered_json::parse(link.sent.front().payload)["session_start"];
  s.t = 20;
  pub.update(s);  // the periodic refresh: the same start
  ASSERT_EQ(link.on("c/state").size(), 2u);
  EXPECT_EQ(ordered_json::parse(link.sent.back().payload)["session_start"], first);
  s.session_start = 20;  // a new session is news
  pub.update(s);
  EXPECT_EQ(link.on("c/state").size(), 3u);
}

TEST(DiscoveryPublisher, RetiresVanishedEntitiesAcrossRestarts) {
  test::TempDir dir;
  test::FakeLink link;
  Topics topics("chairhub", "c1", "homeassistant");
  const auto record = dir.path() / "discovery.json";
  DiscoveryPublisher(link, topics, {"Chair", "1", "", true, 15, "", "", {}}, record, {}).publish();
  ASSERT_EQ(link.sent.size(), 1u);
  EXPECT_TRUE(link.sent[0].retain);
  link.sent.clear();
  DiscoveryPublisher(link, topics, {"Chair", "1", "", false, 15, "", "", {}}, record, {}).publish();
  ASSERT_EQ(link.sent.size(), 2u);
  EXPECT_EQ(ordered_json::parse(link.sent[0].payload)["cmps"]["seat_load"], ordered_json({{"p", "sensor"}}));
  EXPECT_FALSE(ordered_json::parse(link.sent[1].payload)["cmps"].contains("seat_load"));
  link.sent.clear();
  // a new chair id retires the old device
  Topics renamed("chairhub", "c2", "homeassistant");
  DiscoveryPublisher pub(link, renamed, {"Chair", "1", "", false, 15, "", "", {}}, record, {});
  pub.publish();
  ASSERT_EQ(link.sent.size(), 2u);
  EXPECT_EQ(link.sent[0].topic, "homeassistant/device/c1/config");
  EXPECT_EQ(link.sent[0].payload, "");
  pub.remove_device();
  EXPECT_EQ(link.sent.back().topic, "homeassistant/device/c2/config");
  EXPECT_EQ(link.sent.back().payload, "");
}

// A record written when unique ids were "<chair_id>_<key>": every entity is retired once and
// comes back under its namespaced id, so Home Assistant keeps no ghost and no "_2" entity ids.
TEST(DiscoveryPublisher, RetiresEntitiesWhoseUniqueIdChanged) {
  test::TempDir dir;
  test::FakeLink link;
  Topics topics("chairhub", "c1", "homeassistant");
  const auto record = dir.path() / "discovery.json";
  std::ofstream(record) << R"({"topic":"homeassistant/device/c1/config","cmps":{"occupancy":"binary_sensor"}})";
  DiscoveryPublisher(link, topics, {"Chair", "1", "", false, 15, "", "", {}}, record, {}).publish();
  ASSERT_EQ(link.sent.size(), 2u);
  EXPECT_EQ(ordered_json::parse(link.sent[0].payload)["cmps"]["occupancy"], ordered_json({{"p", "binary_sensor"}}));
  EXPECT_EQ(ordered_json::parse(link.sent[1].payload)["cmps"]["occupancy"]["unique_id"], "chairhub_c1_occupancy");
  link.sent.clear();
  DiscoveryPublisher(link, topics, {"Chair", "1", "", false, 15, "", "", {}}, record, {}).publish();
  EXPECT_EQ(link.sent.size(), 1u) << "the new ids are remembered: nothing to retire again";
}

class RouterTest : public ::testing::Test {
 protected:
  test::FakeLink link;
  test::LogCatcher log;
  Topics topics{"chairhub", "c1", "homeassistant"};
  std::vector<std::string> applied;
  CommandRouter router{link, topics,
                       [this](const Command& c) -> CommandOutcome {
                         if (std::holds_alternative<TareCommand>(c)) return {false, "chair is occupied"};
                         applied.emplace_back(command_name(c));
                         return {};
                       },
                       log.logger()};
  ordered_json last_response(const std::string& op) {
    auto msgs = link.on(topics.response(op));
    if (msgs.empty()) return nullptr;
    return ordered_json::parse(msgs.back().payload);
  }
};

TEST_F(RouterTest, ValidCommandsReachTheApplication) {
  EXPECT_TRUE(router.handle("chairhub/c1/set", R"({"command":"snooze","minutes":10})"));
  EXPECT_EQ(last_response("set")["status"], "ok");
  EXPECT_TRUE(router.handle("chairhub/c1/request/reset_session", ""));
  EXPECT_EQ(last_response("reset_session")["status"], "ok");
  EXPECT_EQ(applied, (std::vector<std::string>{"snooze", "reset_session"}));
}

TEST_F(RouterTest, BadCommandsAreAnsweredLoggedAndNotApplied) {
  router.handle("chairhub/c1/set", "{nope");
  EXPECT_EQ(last_response("set")["error"], "malformed JSON");
  router.handle("chairhub/c1/request/snooze", R"({"minutes":999})");
  EXPECT_EQ(last_response("snooze")["status"], "error");
  router.handle("chairhub/c1/request/launch", "{}");
  EXPECT_EQ(last_response("launch")["error"], "unknown command");
  router.handle("chairhub/c1/set", R"({"command":"tare"})");
  EXPECT_EQ(last_response("set")["error"], "chair is occupied");
  EXPECT_TRUE(applied.empty());
  EXPECT_TRUE(log.has("rejected: malformed JSON"));
  EXPECT_FALSE(router.handle("chairhub/c1/state", "{}"));
  // a silly op name is logged but gets no topic of its own
  const auto before = link.sent.size();
  router.handle("chairhub/c1/request/" + std::string(100, 'x'), "{}");
  EXPECT_EQ(link.sent.size(), before);
}

}  // namespace
}  // namespace chairhub::mqtt
