// chairhubd end to end, taking commands over MQTT (docs/mqtt.md, "Commands"): on the simulated
// chair, whose built-in scenario starts with someone sitting upright.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>
#include <nlohmann/json.hpp>

#include "support/broker_harness.hpp"
#include "support/daemon_harness.hpp"

namespace chairhub {
namespace {

using namespace std::chrono_literals;
using mqtt::test::Broker;
using mqtt::test::Subscriber;
using service_test::Daemon;
using service_test::NotifySocket;
using service_test::read_text;

nlohmann::json parse_or_null(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

class DaemonCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Broker::available()) GTEST_SKIP() << "mosquitto is not installed";
    broker_.start();
  }
  std::filesystem::path write_config() {
    auto path = dir_.path() / "chairhub.toml";
    std::ofstream(path) << "[service]\nsource = \"simulated\"\nspeed = 1\nstate_dir = \"" << (dir_.path() / "state").string() << "\"\n"
                        << "[mqtt]\nhost = \"127.0.0.1\"\nport = " << broker_.port() << "\nchair_id = \"c1\"\n"
                        << "state_interval_s = 1\n";
    return path;
  }
  std::string log() const { return read_text(dir_.path() / "chairhubd.log"); }

  // Publishes a command and waits for the next response on `response_topic` (the n-th there).
  nlohmann::json command(Subscriber& client, const std::string& topic, const std::string& payload,
                         const std::string& response_topic) {
    const auto before = client.on(response_topic).size();
    client.publish(topic, payload);
    if (!client.wait_for(response_topic, [&](const auto& m) { return m.size() > before; }, 10s)) {
      ADD_FAILURE() << "no response on " << response_topic << " to " << payload << "\n" << log();
      return nlohmann::json::object();
    }
    const auto response = client.on(response_topic)[before];
    EXPECT_FALSE(response.retain);
    const auto json = parse_or_null(response.payload);
    EXPECT_TRUE(json.is_object()) << response.payload;
    return json.is_object() ? json : nlohmann::json::object();
  }

  // The retained state a client subscribing now is given.
  nlohmann::json retained_state() {
    Subscriber late(broker_.port(), {"chairhub/c1/state"});
    if (!late.wait_for("chairhub/c1/state", [](const auto& m) { return !m.empty(); }, 5s)) return nullptr;
    const auto first = late.on("chairhub/c1/state").front();
    EXPECT_TRUE(first.retain);
    return parse_or_null(first.payload);
  }

  static bool has_event(const std::vector<Subscriber::Message>& msgs, const std::string& type) {
    for (const auto& m : msgs)
      if (parse_or_null(m.payload).value("type", "") == type) return true;
    return false;
  }

  mqtt::test::TempDir dir_;
  Broker broker_;
};

TEST_F(DaemonCommandsTest, AnswersCommandsAndSurvivesMalformedOnes) {
  const auto config = write_config();
  NotifySocket notify(dir_.path() / "notify.sock");
  Subscriber client(broker_.port(), {"chairhub/c1/response/#", "chairhub/c1/event", "chairhub/c1/state"});
  ASSERT_TRUE(client.wait_subscribed());

  Daemon daemon(config, notify, dir_.path() / "chairhubd.log");
  ASSERT_TRUE(notify.wait_for("READY=1", 5s)) << log();
  ASSERT_TRUE(client.wait_for("chairhub/c1/event", [](const auto& m) { return has_event(m, "seated"); }, 10s)) << log();

  // nudges off, on the set topic: ok, and the retained state says so.
  {
    auto r = command(client, "chairhub/c1/set", R"({"command":"nudges","on":false,"id":"n1"})",
                           "chairhub/c1/response/set");
    EXPECT_EQ(r.value("status", ""), "ok") << r;
    EXPECT_EQ(r.value("command", ""), "nudges") << r;
    EXPECT_EQ(r.value("id", ""), "n1") << r;
    auto state = retained_state();
    ASSERT_TRUE(state.is_object()) << state;
    EXPECT_EQ(state["nudges"], false) << state;
    EXPECT_EQ(state["occupied"], true) << state;
  }

  // snooze 5, as a request: ok, with the integer id echoed; the state shows until when.
  {
    auto r = command(client, "chairhub/c1/request/snooze", R"({"minutes":5,"id":7})",
                           "chairhub/c1/response/snooze");
    EXPECT_EQ(r.value("status", ""), "ok") << r;
    EXPECT_EQ(r.value("command", ""), "snooze") << r;
    EXPECT_EQ(r["id"], 7) << r;
    auto state = retained_state();
    ASSERT_TRUE(state.is_object()) << state;
    EXPECT_TRUE(state["snoozed_until"].is_string()) << state;
  }

  // baseline while someone sits upright: ok, and the baseline is taken.
  {
    const auto events_before = client.on("chairhub/c1/event").size();
    auto r = command(client, "chairhub/c1/request/baseline", R"({"seconds":2})",
                           "chairhub/c1/response/baseline");
    EXPECT_EQ(r.value("status", ""), "ok") << r;
    EXPECT_EQ(r.value("command", ""), "baseline") << r;
    EXPECT_TRUE(client.wait_for(
        "chairhub/c1/event",
        [&](const auto& m) {
          return has_event({m.begin() + static_cast<long>(events_before), m.end()}, "baseline");
        },
        10s))
        << log();
  }

  // tare while someone sits: refused, saying why.
  {
    auto r = command(client, "chairhub/c1/request/tare", "", "chairhub/c1/response/tare");
    EXPECT_EQ(r.value("status", ""), "error") << r;
    EXPECT_EQ(r.value("command", ""), "tare") << r;
    EXPECT_NE(r.value("error", "").find("someone is sitting"), std::string::npos) << r;
  }

  // Malformed JSON: an error response, and the daemon carries on.
  {
    auto r = command(client, "chairhub/c1/set", R"({"command":"snooze","minutes":)",
                           "chairhub/c1/response/set");
    EXPECT_EQ(r.value("status", ""), "error") << r;
    EXPECT_FALSE(r.value("error", "").empty()) << r;
  }
  EXPECT_TRUE(daemon.alive()) << log();
  const auto states_before = client.on("chairhub/c1/state").size();
  EXPECT_TRUE(client.wait_for("chairhub/c1/state", [&](const auto& m) { return m.size() >= states_before + 2; }, 10s))
      << "no state published after the malformed command\n" << log();
  {
    auto r = command(client, "chairhub/c1/request/nudges", R"({"on":true})", "chairhub/c1/response/nudges");
    EXPECT_EQ(r.value("status", ""), "ok") << r;
    auto state = retained_state();
    ASSERT_TRUE(state.is_object()) << state;
    EXPECT_EQ(state["nudges"], true) << state;
  }

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s), 0) << log();
  // What the commands changed was saved.
  auto saved = parse_or_null(read_text(dir_.path() / "state" / "state.json"));
  ASSERT_TRUE(saved.is_object()) << log();
  EXPECT_EQ(saved["nudges_enabled"], true) << saved;
  EXPECT_TRUE(saved["snoozed_until_wall"].is_number()) << saved;
  const std::string text = log();
  EXPECT_NE(text.find("rejected"), std::string::npos) << text;
  EXPECT_NE(text.find("nudges snoozed for 5 min"), std::string::npos) << text;
}

// BUG (daemon.cpp, Impl::run): a snooze is saved (snoozed_until_wall) and shown again in the state
// after a restart, but never handed back to the analysis (only nudges_enabled is), so nudges
// come back at once after a restart.
TEST_F(DaemonCommandsTest, ASnoozeSurvivesARestart) {
  // Someone leaning left from the start: a posture nudge after 20 s of it, 2 s at 10x.
  std::ofstream(dir_.path() / "lean.toml") << "[sitter]\nmass_kg = 74\nseed = 3\n[log]\nrate_hz = 10\n"
                                           << "[[step]]\nposture = \"leaning_left\"\nminutes = 30\n";
  const auto config = dir_.path() / "chairhub.toml";
  std::ofstream(config) << "[nudges]\nposture_after_s = 20\n"
                        << "[service]\nsource = \"simulated\"\nspeed = 10\nscenario = \"lean.toml\"\nstate_dir = \""
                        << (dir_.path() / "state").string() << "\"\n"
                        << "[mqtt]\nhost = \"127.0.0.1\"\nport = " << broker_.port() << "\nchair_id = \"c1\"\n";
  NotifySocket notify(dir_.path() / "notify.sock");
  Subscriber client(broker_.port(), {"chairhub/c1/response/#", "chairhub/c1/event"});
  ASSERT_TRUE(client.wait_subscribed());
  {
    Daemon daemon(config, notify, dir_.path() / "chairhubd.log");
    ASSERT_TRUE(client.wait_for("chairhub/c1/event", [](const auto& m) { return has_event(m, "seated"); }, 10s))
        << log();
    auto r = command(client, "chairhub/c1/request/snooze", R"({"minutes":60})", "chairhub/c1/response/snooze");
    ASSERT_EQ(r.value("status", ""), "ok") << r;
    std::this_thread::sleep_for(4s);  // 40 s of leaning: snoozed, so no nudge
    EXPECT_FALSE(has_event(client.on("chairhub/c1/event"), "nudge")) << log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait(10s), 0) << log();
  }
  const auto before = client.on("chairhub/c1/event").size();
  {
    Daemon daemon(config, notify, dir_.path() / "chairhubd.log");
    ASSERT_TRUE(notify.wait_for("READY=1", 5s)) << log();
    std::this_thread::sleep_for(4s);  // another 40 s of leaning, still within the hour's snooze
    const auto events = client.on("chairhub/c1/event");
    EXPECT_FALSE(has_event({events.begin() + static_cast<long>(before), events.end()}, "nudge")) << log();
    daemon.signal(SIGTERM);
    EXPECT_EQ(daemon.wait(10s), 0) << log();
  }
}

// A flood of valid commands (each saves the state) neither starves the samples and systemd's
// watchdog, which share the daemon's loop, nor grows memory: commands are taken at a limited
// rate from a bounded queue, the excess dropped with a warning, and the daemon still answers.
TEST_F(DaemonCommandsTest, AFloodOfCommandsDoesNotStarveTheWatchdog) {
  NotifySocket notify(dir_.path() / "notify.sock");
  Subscriber client(broker_.port(), {"chairhub/c1/response/#"});
  ASSERT_TRUE(client.wait_subscribed());
  Daemon daemon(write_config(), notify, dir_.path() / "chairhubd.log");
  ASSERT_TRUE(notify.wait_for("READY=1", 10s)) << log();
  const auto pings_before = notify.count("WATCHDOG=1");
  for (int i = 0; i < 2000; ++i)
    client.publish("chairhub/c1/set", i % 2 ? R"({"command":"nudges","on":true})" : R"({"command":"nudges","on":false})");
  std::this_thread::sleep_for(3s);
  // the watchdog is asked for every 200 ms (WATCHDOG_USEC=400000): most of those 3 s had pings
  const std::size_t pings_after = notify.count("WATCHDOG=1");
  EXPECT_TRUE(pings_after >= pings_before + 7) << pings_after << " pings after, " << pings_before << " before\n" << log();
  EXPECT_NE(log().find("message(s) from the broker dropped"), std::string::npos) << log();
  ASSERT_TRUE(client.wait_for("chairhub/c1/response/set", [](const auto& m) { return !m.empty(); }, 10s));
  auto r = command(client, "chairhub/c1/request/snooze", R"({"minutes":5})", "chairhub/c1/response/snooze");
  EXPECT_EQ(r.value("status", ""), "ok") << r;
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s), 0) << log();
}

// The guided posture calibration over MQTT, on a simulated sitter who holds the postures in
// time with it: progress on response/calibrate_postures, then the model written as a new sitter
// profile's, that profile in use (in the state) and offered in Home Assistant's select.
TEST_F(DaemonCommandsTest, CalibratesThePosturesFromTheLiveSamples) {
  // Seated after 2 s, when the test asks; upright 5 s and the 3 s of sitting down, then 5 s each.
  std::ofstream(dir_.path() / "guided.toml")
      << "[sitter]\nmass_kg = 70\nseed = 5\n[log]\nrate_hz = 10\n"
      << "[[step]]\nposture = \"upright\"\nseconds = 10.5\n[[step]]\nposture = \"slouching\"\nseconds = 5\n"
      << "[[step]]\nposture = \"leaning_left\"\nseconds = 5\n[[step]]\nposture = \"leaning_right\"\nseconds = 5\n"
      << "[[step]]\nposture = \"leaning_forward\"\nseconds = 5\n[[step]]\nposture = \"reclined\"\nseconds = 5\n"
      << "[[step]]\nposture = \"upright\"\nminutes = 30\n";
  const auto config = dir_.path() / "chairhub.toml";
  std::ofstream(config) << "[service]\nsource = \"simulated\"\nspeed = 10\nscenario = \"guided.toml\"\nstate_dir = \""
                        << (dir_.path() / "state").string() << "\"\n"
                        << "[mqtt]\nhost = \"127.0.0.1\"\nport = " << broker_.port() << "\nchair_id = \"c1\"\n";
  NotifySocket notify(dir_.path() / "notify.sock");
  const std::string topic = "chairhub/c1/response/calibrate_postures";
  Subscriber client(broker_.port(), {"chairhub/c1/response/#", "chairhub/c1/event"});
  ASSERT_TRUE(client.wait_subscribed());
  Daemon daemon(config, notify, dir_.path() / "chairhubd.log");
  ASSERT_TRUE(client.wait_for("chairhub/c1/event", [](const auto& m) { return has_event(m, "seated"); }, 10s)) << log();
  auto r = command(client, "chairhub/c1/request/calibrate_postures", R"({"hold_s":5,"id":"p1","profile":"anna"})", topic);
  ASSERT_EQ(r.value("status", ""), "ok") << r;
  const auto ended = [](const auto& messages) {
    for (const auto& m : messages)
      if (parse_or_null(m.payload).value("status", "") != "progress" && parse_or_null(m.payload).value("status", "") != "ok")
        return true;
    return false;
  };
  ASSERT_TRUE(client.wait_for(topic, ended, 20s)) << log();
  const auto messages = client.on(topic);
  const auto first = parse_or_null(messages.at(1).payload);
  EXPECT_EQ(first.value("status", ""), "progress") << first;
  EXPECT_EQ(first.value("posture", ""), "upright") << first;
  EXPECT_EQ(first.value("step", 0), 1) << first;
  EXPECT_EQ(first.value("id", ""), "p1") << first;
  EXPECT_EQ(first["seated"], true) << first;
  const auto last = parse_or_null(messages.back().payload);
  ASSERT_EQ(last.value("status", ""), "done") << last << "\n" << log();
  EXPECT_EQ(last["postures"].size(), 6u) << last;
  EXPECT_EQ(last.value("profile", ""), "anna") << last;
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "state" / "profiles" / "anna.toml")) << log();
  EXPECT_NE(log().find("posture calibration done: 6 postures"), std::string::npos) << log();
  EXPECT_TRUE(mqtt::test::wait_until([&] { return retained_state()["profile"] == "anna"; }, 5s)) << log();
  Subscriber ha(broker_.port(), {"homeassistant/device/c1/config"});
  ASSERT_TRUE(ha.wait_for("homeassistant/device/c1/config", [](const auto& m) { return !m.empty(); }, 5s));
  const auto discovery = parse_or_null(ha.on("homeassistant/device/c1/config").back().payload);
  EXPECT_EQ(discovery["cmps"]["profile"]["options"], nlohmann::json({"anna"})) << discovery;
  // A cancel with nothing under way is refused, saying so.
  r = command(client, "chairhub/c1/request/calibrate_postures", R"({"cancel":true})", topic);
  EXPECT_EQ(r.value("status", ""), "error") << r;
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s), 0) << log();
}

}  // namespace
}  // namespace chairhub
