// The ACL printed in docs/mqtt.md, run on a real broker with passwords: the chair works with
// its credentials file, Home Assistant can command it, another chair can neither read its
// commands nor write its topics.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "support/broker_harness.hpp"
#include "mqtt/service.hpp"

namespace chairhub::mqtt {
namespace {

using namespace std::chrono_literals;
using nlohmann::ordered_json;

std::string docs_acl() {
  std::ifstream in(std::string(CHAIRHUB_DOCS_DIR) + "/mqtt.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const auto begin = doc.find("<!-- acl-begin -->");
  const auto open = doc.find("```\n", begin);
  const auto close = doc.find("```", open + 4);
  if (begin == std::string::npos || open == std::string::npos || close == std::string::npos) return {};
  return doc.substr(open + 4, close - open - 4);
}

class AclTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::Broker::available() || !test::Broker::passwd_available())
      GTEST_SKIP() << "no mosquitto broker installed";
    const auto acl = docs_acl();
    ASSERT_FALSE(acl.empty()) << "no ACL block in docs/mqtt.md";
    std::ofstream(broker.dir() / "acl") << acl;
    for (const auto& [user, pw] : {std::pair{"homeassistant", "ha-pw"}, {"office", "office-pw"}, {"other", "other-pw"}})
      broker.add_user(user, pw);
    broker.start();
  }

  std::unique_ptr<MqttService> chair(const std::string& password, CommandHandler handler = {}) {
    const auto creds = state.path() / ("creds-" + password);
    std::ofstream(creds) << "username=office\npassword=" << password << "\n";
    ::chmod(creds.c_str(), 0600);
    MqttConfig c;
    c.enabled = true;
    c.host = "127.0.0.1";
    c.port = broker.port();
    c.chair_id = "office";
    c.credentials_file = creds;
    c.credentials_permissions = LoosePermissions::refuse;
    c.reconnect_min_s = 1;
    c.reconnect_max_s = 1;
    ServiceOptions o;
    o.state_dir = state.path();
    o.logger = log.logger();
    o.on_command = std::move(handler);
    o.outbox_sync = false;
    return std::make_unique<MqttService>(io, c, std::move(o));
  }
  bool run_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout = 10000ms) {
    const auto deadline = test::Clock::now() + timeout;
    while (!pred()) {
      if (test::Clock::now() >= deadline) return false;
      io.run_for(5ms);
    }
    return true;
  }

  test::Broker broker{"password_file @DIR@/passwd\nacl_file @DIR@/acl\n", false};
  test::TempDir state;
  test::LogCatcher log;
  boost::asio::io_context io;
};

TEST_F(AclTest, EachChairOnlyItsOwnTopics) {
  int applied = 0;
  auto office = chair("office-pw", [&](const Command&) {
    ++applied;
    return CommandOutcome{};
  });
  test::Subscriber ha(broker.port(), {"chairhub/#", "homeassistant/device/#"}, "ha", true, "homeassistant", "ha-pw");
  test::Subscriber other(broker.port(), {"chairhub/office/set", "chairhub/office/request/+"}, "other", true, "other",
                         "other-pw");
  ASSERT_TRUE(ha.wait_subscribed());
  ASSERT_TRUE(other.wait_subscribed());
  office->start();
  ChairState s;
  s.occupied = true;
  office->publish_state(s);
  ASSERT_TRUE(run_until([&] { return office->connected(); }));

  // the chair may write its status, state and discovery
  ASSERT_TRUE(run_until([&] {
    return !ha.on("chairhub/office/status").empty() && !ha.on("chairhub/office/state").empty() &&
           !ha.on("homeassistant/device/office/config").empty();
  }));
  EXPECT_EQ(ha.on("chairhub/office/status").back().payload, "online");

  // Home Assistant may command it, and reads the answer
  ha.publish("chairhub/office/set", R"({"command":"snooze","minutes":5,"id":1})");
  ASSERT_TRUE(run_until([&] { return !ha.on("chairhub/office/response/set").empty(); }));
  EXPECT_EQ(ordered_json::parse(ha.on("chairhub/office/response/set").back().payload)["status"], "ok");
  EXPECT_EQ(applied, 1);
  // ...but another chair does not see those commands
  EXPECT_TRUE(other.on("chairhub/office/set").empty());

  // another chair may neither command it nor overwrite its state
  other.publish("chairhub/office/set", R"({"command":"reset_session"})");
  other.publish("chairhub/office/state", "{}", true);
  ASSERT_TRUE(test::wait_until([&] {
    const auto text = broker.log_text();
    return text.find("Denied PUBLISH from other") != std::string::npos &&
           text.find("'chairhub/office/state'") != std::string::npos;
  }, 10000ms));
  run_until([] { return false; }, 100ms);
  EXPECT_EQ(applied, 1);
  for (const auto& m : ha.on("chairhub/office/state")) EXPECT_NE(m.payload, "{}");

  office->stop();
  EXPECT_TRUE(ha.wait_last("chairhub/office/status", "offline"));
}

TEST_F(AclTest, WrongPasswordIsRefusedAndLogged) {
  auto office = chair("wrong");
  office->start();
  EXPECT_TRUE(run_until([&] { return log.has("refused"); }));
  EXPECT_FALSE(office->connected());
}

}  // namespace
}  // namespace chairhub::mqtt
