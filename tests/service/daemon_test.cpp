// chairhubd end to end, as a process: on the simulated chair, with a real broker on loopback and
// a notify socket standing in for systemd.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <thread>
#include <nlohmann/json.hpp>

#include "support/broker_harness.hpp"
#include "core/exit_status.hpp"
#include "support/daemon_harness.hpp"
#include "history/history_db.hpp"
#include "service/daemon_config.hpp"

namespace chairhub {
namespace {

using namespace std::chrono_literals;
using mqtt::test::Broker;
using mqtt::test::Subscriber;
using mqtt::test::wait_until;

using service_test::Daemon;
using service_test::NotifySocket;

class DaemonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Broker::available()) GTEST_SKIP() << "mosquitto is not installed";
    broker_.start();
  }
  std::filesystem::path write_config(const std::string& extra = {}) {
    auto path = dir_.path() / "chairhub.toml";
    std::ofstream(path) << "[service]\nsource = \"simulated\"\nspeed = 1\nstate_dir = \"" << (dir_.path() / "state").string() << "\"\n"
                        << "[mqtt]\nhost = \"127.0.0.1\"\nport = " << broker_.port() << "\nchair_id = \"d1\"\n"
                        << extra;
    return path;
  }
  nlohmann::json state_file() const {
    std::ifstream in(dir_.path() / "state" / "state.json");
    return nlohmann::json::parse(in);
  }
  static bool has_event(const std::vector<Subscriber::Message>& msgs, const std::string& type) {
    for (const auto& m : msgs)
      if (nlohmann::json::parse(m.payload).value("type", "") == type) return true;
    return false;
  }

  mqtt::test::TempDir dir_;
  Broker broker_;
};

TEST_F(DaemonTest, RunsReloadsStopsAndContinuesItsSession) {
  const auto config = write_config();
  NotifySocket notify(dir_.path() / "notify.sock");
  Subscriber events(broker_.port(), {"chairhub/d1/event", "chairhub/d1/status"});
  ASSERT_TRUE(events.wait_subscribed());
  const auto log = dir_.path() / "chairhubd.log";

  double session_start = 0;
  {
    Daemon daemon(config, notify, log);
    ASSERT_TRUE(notify.wait_for("READY=1", 5s));
    EXPECT_TRUE(notify.wait_for("WATCHDOG=1", 2s));
    EXPECT_TRUE(events.wait_last("chairhub/d1/status", "online"));
    // The built-in scenario starts with someone sitting: seated after the 2 s debounce.
    ASSERT_TRUE(events.wait_for("chairhub/d1/event", [](const auto& m) { return has_event(m, "seated"); }, 10s));

    // SIGHUP reloads; a broken config is refused and the old one kept.
    daemon.signal(SIGHUP);
    EXPECT_TRUE(notify.wait_for("RELOADING=1", 3s));
    EXPECT_TRUE(notify.wait_for("READY=1", 3s));
    std::ofstream(config, std::ios::app) << "[posture]\ndwell_s = \"long\"\n";
    daemon.signal(SIGHUP);
    EXPECT_TRUE(notify.wait_for("READY=1", 3s));
    EXPECT_TRUE(daemon.alive());
    write_config();  // repaired

    daemon.signal(SIGTERM);
    EXPECT_TRUE(notify.wait_for("STOPPING=1", 3s));
    EXPECT_EQ(daemon.wait(10s), 0);
    EXPECT_TRUE(events.wait_last("chairhub/d1/status", "offline"));
    const auto saved = state_file();
    ASSERT_FALSE(saved["session"].is_null());
    session_start = saved["session"]["start_wall"].get<double>();
  }
  std::ifstream in(log);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("reload refused"), std::string::npos) << text;

  // A restart in the middle of the session continues it.
  {
    Daemon daemon(config, notify, log);
    ASSERT_TRUE(notify.wait_for("READY=1", 5s));
    const auto before = events.on("chairhub/d1/event").size();
    ASSERT_TRUE(events.wait_for(
        "chairhub/d1/event",
        [&](const auto& m) {
          return m.size() > before && has_event({m.begin() + static_cast<long>(before), m.end()}, "seated");
        },
        10s));
    daemon.signal(SIGTERM);
    EXPECT_EQ(daemon.wait(10s), 0) << std::ifstream(log).rdbuf();
  }
  const auto saved = state_file();
  ASSERT_FALSE(saved["session"].is_null());
  EXPECT_NEAR(saved["session"]["start_wall"].get<double>(), session_start, 1.5);
  std::ifstream in2(log);
  const std::string text2((std::istreambuf_iterator<char>(in2)), std::istreambuf_iterator<char>());
  EXPECT_NE(text2.find("continuing the sitting session"), std::string::npos) << text2;
}

TEST_F(DaemonTest, RefusesABadConfigWithExitStatus78) {
  const auto config = write_config("[occupancy]\non_kg = -3\nbogus = 1\n");
  NotifySocket notify(dir_.path() / "notify.sock");
  Daemon daemon(config, notify, dir_.path() / "chairhubd.log");
  EXPECT_EQ(daemon.wait(5s), 78);
  std::ifstream in(dir_.path() / "chairhubd.log");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("chairhub.toml:10: occupancy.on_kg"), std::string::npos) << text;
  EXPECT_NE(text.find("chairhub.toml:11: occupancy.bogus: unknown key"), std::string::npos) << text;
}

// The daemon keeps a history in its state folder, readable by `chairhub report` while it runs.
TEST_F(DaemonTest, KeepsAHistoryInTheStateFolder) {
  const auto config = write_config();
  NotifySocket notify(dir_.path() / "notify.sock");
  {
    Daemon daemon(config, notify, dir_.path() / "chairhubd.log");
    ASSERT_TRUE(notify.wait_for("READY=1", 10s));
    std::this_thread::sleep_for(6s);  // the built-in sitter sits down at once, its posture comes 3 s later
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait(10s), 0) << std::ifstream(dir_.path() / "chairhubd.log").rdbuf();
  }
  const HistoryDb history({.file = dir_.path() / "state" / "history.sqlite", .read_only = true}, {});
  const double now = static_cast<double>(std::time(nullptr));
  int sittings = 0, postures = 0;
  for (const auto& i : history.intervals(now - 3600, now + 3600)) {
    sittings += i.kind == IntervalKind::sitting;
    postures += i.kind == IntervalKind::posture;
  }
  EXPECT_EQ(sittings, 1);
  EXPECT_GE(postures, 1);
}

// A state folder that cannot be one (here systemd's, with a file in its place) is a config
// problem: exit 78, so systemd does not restart the daemon in a loop, and a line naming it.
TEST_F(DaemonTest, AStateFolderThatIsAFileIsRefusedWithExitStatus78) {
  const auto config = write_config();
  static std::string blocked;  // read in the child, where only async-signal-safe calls are allowed
  blocked = (dir_.path() / "state-is-a-file").string();
  std::ofstream(blocked) << "";
  NotifySocket notify(dir_.path() / "notify.sock");
  Daemon daemon(config, notify, dir_.path() / "chairhubd.log", [] { ::setenv("STATE_DIRECTORY", blocked.c_str(), 1); });
  EXPECT_EQ(daemon.wait(5s), kExitConfig);
  std::ifstream in(dir_.path() / "chairhubd.log");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("the state folder " + blocked + " (from systemd's $STATE_DIRECTORY) is a file, not a folder"), std::string::npos) << text;
}

// chairhubd lists the same problems as `chairhub check-config`: every one of every section.
TEST(DaemonConfigProblems, EveryProblemOfEverySectionLikeCheckConfig) {
  mqtt::test::TempDir dir;
  const auto config = dir.path() / "chairhub.toml";
  std::ofstream(config) << R"([mqtt]
host = "127.0.0.1"
port = 70000
chair_id = "office chair"
[posture]
laterall = 0.2
[service]
speed = -1
[hardware.hx711]
clock = 2000
data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
)";
  const auto problems = check_config_file(config.string());
  ASSERT_EQ(problems.size(), 5u);
  NotifySocket notify(dir.path() / "notify.sock");
  Daemon daemon(config, notify, dir.path() / "chairhubd.log");
  EXPECT_EQ(daemon.wait(5s), kExitConfig);
  std::ifstream in(dir.path() / "chairhubd.log");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string expected;
  for (const auto& p : problems) expected += "<3>" + p + "\n";
  expected += "<3>refusing to start with a bad configuration\n";
  EXPECT_EQ(text, expected);
  for (const std::string key : {":3: mqtt.port", ":4: mqtt.chair_id", ":6: posture.laterall: unknown key",
                                ":8: service.speed", ":10: hardware.hx711.clock"})
    EXPECT_NE(text.find(config.string() + key), std::string::npos) << key << "\n" << text;
}

TEST_F(DaemonTest, CorruptStateFileGivesAWarningAndAFreshStart) {
  const auto config = write_config();
  std::filesystem::create_directories(dir_.path() / "state");
  std::ofstream(dir_.path() / "state" / "state.json") << "{\"version\": 1, \"sess";
  NotifySocket notify(dir_.path() / "notify.sock");
  Daemon daemon(config, notify, dir_.path() / "chairhubd.log");
  ASSERT_TRUE(notify.wait_for("READY=1", 5s));
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s), 0);
  std::ifstream in(dir_.path() / "chairhubd.log");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("unusable state file, starting afresh"), std::string::npos) << text;
}

// The daemon's threads all busy at once, for ThreadSanitizer (scripts/tsan.sh) as much as for
// the result: the reader thread drives the HX711 and ADS1115 drivers on the chip models, the
// LED and buzzer play nudges on their own thread (the buzzer once a nudge repeats), and a reload
// swaps the configuration on the loop's thread meanwhile.
TEST(DaemonThreads, NudgesPlayOnTheOutputsWhileItReadsTheDevicesAndReloads) {
  mqtt::test::TempDir dir;
  std::ofstream(dir.path() / "sitter.toml") << R"(
[sitter]
mass_kg = 75
seed = 3
[log]
rate_hz = 10
units = "raw"
[[step]]
posture = "leaning_forward"
feet = "tucked"
seconds = 3600
)";
  const auto config = dir.path() / "chairhub.toml";
  const std::string settings = "[service]\nsource = \"devices\"\nscenario = \"" +
                               (dir.path() / "sitter.toml").string() + "\"\nstate_dir = \"" +
                               (dir.path() / "state").string() + "\"\n" + R"(
[mqtt]
enabled = false
[nudges]
lumbar_after_s = 1
feet_after_s = 1
posture_after_s = 1
cooldown_min = 0
min_gap_s = 0
[hardware.hx711]
clock = 5
rate = 10
data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
[hardware.ads1115]
inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2, foot_r = 3 }
[[hardware.outputs]]
name = "led"
kind = "led"
line = 16
[[hardware.outputs]]
name = "buzzer"
kind = "buzzer"
line = 20
)";
  std::ofstream(config) << settings;
  const auto log = dir.path() / "chairhubd.log";
  NotifySocket notify(dir.path() / "notify.sock");
  Daemon daemon(config, notify, log);
  ASSERT_TRUE(notify.wait_for("READY=1", 5s)) << service_test::read_text(log);

  const auto nudges = [&] {
    int n = 0;
    for (const auto& e : service_test::logged_events(log)) n += e.value("type", "") == "nudge";
    return n;
  };
  ASSERT_TRUE(wait_until([&] { return nudges() >= 2; }, 30s, 100ms)) << service_test::read_text(log);
  daemon.signal(SIGHUP);  // the same file: still a full reload
  ASSERT_TRUE(notify.wait_for("READY=1", 5s)) << service_test::read_text(log);
  const int before = nudges();
  ASSERT_TRUE(wait_until([&] { return nudges() > before; }, 30s, 100ms)) << service_test::read_text(log);
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s), 0) << service_test::read_text(log);
  const std::string text = service_test::read_text(log);
  EXPECT_NE(text.find("configuration reloaded"), std::string::npos) << text;
}

}  // namespace
}  // namespace chairhub
