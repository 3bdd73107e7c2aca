// `chairhub replay LOG --mqtt`: every event of the plain replay arrives on the event topic, in order.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/broker_harness.hpp"

namespace chairhub {
namespace {

using namespace std::chrono_literals;

TEST(ReplayToMqtt, EveryEventOfThePlainReplayArrives) {
  if (!mqtt::test::Broker::available()) GTEST_SKIP() << "mosquitto is not installed";
  mqtt::test::Broker broker;
  broker.start();
  mqtt::test::Subscriber sub(broker.port(), {"chairhub/r1-replay/event"});
  ASSERT_TRUE(sub.wait_subscribed());
  mqtt::test::TempDir dir;
  const auto config = dir.path() / "c.toml";
  std::ofstream(config) << "[mqtt]\nchair_id = \"r1\"\n";

  const std::string log = std::string(CHAIRHUB_GOLDEN_DIR) + "/postures.csv";
  mqtt::test::Child replay({CHAIRHUB_CLI, "replay", log, "--config", config.string(), "--mqtt", "--broker",
                            "127.0.0.1:" + std::to_string(broker.port())},
                           true, true);
  ASSERT_TRUE(replay.wait(30s));

  std::vector<std::string> expected;
  std::ifstream in(std::string(CHAIRHUB_GOLDEN_DIR) + "/postures.expected.jsonl");
  for (std::string line; std::getline(in, line);) expected.push_back(line);
  ASSERT_TRUE(sub.wait_for("chairhub/r1-replay/event", [&](const auto& m) { return m.size() >= expected.size(); }, 10s));
  const auto got = sub.on("chairhub/r1-replay/event");
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    auto payload = nlohmann::ordered_json::parse(got[i].payload);
    EXPECT_TRUE(payload.contains("ts"));
    payload.erase("ts");
    EXPECT_EQ(payload.dump(), expected[i]) << "event " << i;
  }
}

}  // namespace
}  // namespace chairhub
