// The [service] section: defaults, every key, paths relative to the config file, and errors that
// name file, line and key.
#include <gtest/gtest.h>

#include <string>

#include "core/input_error.hpp"
#include "service/service_config.hpp"

namespace chairhub {
namespace {

const std::string kPath = "/etc/chairhub/chairhub.toml";

ServiceConfig read(const std::string& text, const std::string& path = kPath) {
  const toml::table root = toml::parse(text, path);
  return service_config_from_toml(root, path);
}

// The message of the InputError reading `text` throws, or "" if it reads fine.
std::string error_of(const std::string& text, const std::string& path = kPath) {
  try {
    read(text, path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ServiceConfig, DefaultsWithoutAServiceSection) {
  for (const std::string text : {"", "[posture]\ndwell_s = 2\n", "[service]\n"}) {
    SCOPED_TRACE(text);
    const ServiceConfig c = read(text);
    EXPECT_EQ(c.source, SourceKind::hardware);  // never a made-up sitter by default
    EXPECT_EQ(c.scenario, "");
    EXPECT_EQ(c.log, "");
    EXPECT_EQ(c.speed, 1);
    EXPECT_EQ(c.state_dir, "/var/lib/chairhub");
    EXPECT_EQ(c.log_level, "notice");
    EXPECT_FALSE(c.quiet_hours);
    EXPECT_EQ(c.escalate_within_min, 35);
    EXPECT_EQ(c.save_interval_s, 60);
    EXPECT_EQ(c.watchdog_stale_s, 5);
    EXPECT_EQ(c.hardware_retry_s, 5);
    EXPECT_EQ(c.devices_present_file, "");
  }
}

TEST(ServiceConfig, ReadsEveryKey) {
  const ServiceConfig c = read(R"([service]
source = "log"
scenario = "/srv/scenarios/day.toml"
log = "/srv/logs/monday.csv"
speed = 2.5
state_dir = "/tmp/chairhub-state"
log_level = "debug"
quiet_hours = "22:30-06:45"
escalate_within_min = 20
save_interval_s = 15.5
watchdog_stale_s = 0.5
hardware_retry_s = 2.5
)");
  EXPECT_EQ(c.source, SourceKind::log);
  EXPECT_EQ(c.scenario, "/srv/scenarios/day.toml");
  EXPECT_EQ(c.log, "/srv/logs/monday.csv");
  EXPECT_EQ(c.speed, 2.5);
  EXPECT_EQ(c.state_dir, "/tmp/chairhub-state");
  EXPECT_EQ(c.log_level, "debug");
  ASSERT_TRUE(c.quiet_hours);
  EXPECT_EQ(c.quiet_hours->from_min, 22 * 60 + 30);
  EXPECT_EQ(c.quiet_hours->to_min, 6 * 60 + 45);
  EXPECT_EQ(c.escalate_within_min, 20);
  EXPECT_EQ(c.save_interval_s, 15.5);
  EXPECT_EQ(c.watchdog_stale_s, 0.5);
  EXPECT_EQ(c.hardware_retry_s, 2.5);
}

TEST(ServiceConfig, SimulatedDevicesMayComeAndGoWithAFileNextToTheConfig) {
  const auto c = read("[service]\nsource = \"devices\"\ndevices_present_file = \"run/chips\"\n[hardware]\n",
                      "/home/ann/chair/chairhub.toml");
  EXPECT_EQ(c.devices_present_file, "/home/ann/chair/run/chips");
}

TEST(ServiceConfig, AcceptsEverySourceAndLevel) {
  // The sources that read chips need the wiring in [hardware].
  for (const std::string source : {"hardware", "simulated", "devices"})
    EXPECT_EQ(to_string(read("[service]\nsource = \"" + source + "\"\n[hardware]\n").source), source);
  for (const std::string level : {"error", "warning", "notice", "info", "debug"})
    EXPECT_EQ(read("[service]\nlog_level = \"" + level + "\"\n").log_level, level);
  // A log may be played as fast as possible; integers are numbers too.
  const auto c = read("[service]\nsource = \"log\"\nlog = \"/a.csv\"\nspeed = 0\n");
  EXPECT_EQ(c.speed, 0);
  EXPECT_EQ(read("[service]\nspeed = 60\n").speed, 60);
}

TEST(ServiceConfig, RelativeScenarioAndLogPathsAreResolvedAgainstTheConfigFolder) {
  const auto c = read("[service]\nsource = \"log\"\nscenario = \"scenarios/day.toml\"\nlog = \"monday.csv\"\n",
                      "/home/ann/chair/chairhub.toml");
  EXPECT_EQ(c.scenario, "/home/ann/chair/scenarios/day.toml");
  EXPECT_EQ(c.log, "/home/ann/chair/monday.csv");
  // Absolute ones stay as they are.
  const auto d = read("[service]\nscenario = \"/srv/day.toml\"\n", "/home/ann/chair/chairhub.toml");
  EXPECT_EQ(d.scenario, "/srv/day.toml");
  // state_dir is not a file next to the config: it stays as written.
  EXPECT_EQ(read("[service]\nstate_dir = \"state\"\n", "/home/ann/chair/chairhub.toml").state_dir, "state");
}

struct BadCase {
  const char* name;
  std::string text;
  std::string expected;  // the start of the message, after the path
};

TEST(ServiceConfig, ErrorsNameFileLineAndKey) {
  const std::vector<BadCase> cases = {
      {"unknown key", "[service]\nspeed = 2\nspeeed = 3\n", ":3: service.speeed: unknown key"},
      {"bad source", "[service]\n\nsource = \"usb\"\n", ":3: service.source: must be"},
      {"source not a string", "[service]\nsource = 1\n", ":2: service.source: expected a string"},
      {"log source without log", "[service]\nsource = \"log\"\n", ":2: service.log: "},
      {"bad log_level", "[service]\nlog_level = \"loud\"\n", ":2: service.log_level: must be"},
      {"quiet_hours no dash", "[service]\nquiet_hours = \"22:00\"\n", ":2: service.quiet_hours: expected"},
      {"quiet_hours hour 24", "[service]\nquiet_hours = \"24:00-07:00\"\n", ":2: service.quiet_hours: expected"},
      {"quiet_hours minute 60", "[service]\nquiet_hours = \"22:00-07:60\"\n", ":2: service.quiet_hours: expected"},
      {"quiet_hours words", "[service]\nquiet_hours = \"night\"\n", ":2: service.quiet_hours: expected"},
      {"quiet_hours trailing", "[service]\nquiet_hours = \"22:00-07:00pm\"\n", ":2: service.quiet_hours: expected"},
      {"quiet_hours not text", "[service]\nquiet_hours = 22\n", ":2: service.quiet_hours: expected a string"},
      {"speed 0 simulated", "[service]\nsource = \"simulated\"\nspeed = 0\n", ":3: service.speed: "},
      {"speed negative", "[service]\nspeed = -1\n", ":2: service.speed: must be between"},
      {"speed huge", "[service]\nspeed = 2e6\n", ":2: service.speed: must be between"},
      {"speed infinite", "[service]\nspeed = inf\n", ":2: service.speed: must be between"},
      {"speed text", "[service]\nspeed = \"fast\"\n", ":2: service.speed: expected a number"},
      {"escalate too long", "[service]\nescalate_within_min = 1441\n", ":2: service.escalate_within_min: must be"},
      {"escalate negative", "[service]\nescalate_within_min = -5\n", ":2: service.escalate_within_min: must be"},
      {"save interval 0", "[service]\nsave_interval_s = 0\n", ":2: service.save_interval_s: must be"},
      {"save interval huge", "[service]\nsave_interval_s = 100000\n", ":2: service.save_interval_s: must be"},
      {"watchdog too small", "[service]\nwatchdog_stale_s = 0.05\n", ":2: service.watchdog_stale_s: must be"},
      {"watchdog too big", "[service]\nwatchdog_stale_s = 3601\n", ":2: service.watchdog_stale_s: must be"},
      {"retry too small", "[service]\nhardware_retry_s = 0.01\n", ":2: service.hardware_retry_s: must be"},
      {"retry too big", "[service]\nhardware_retry_s = 3601\n", ":2: service.hardware_retry_s: must be"},
      {"retry text", "[service]\nhardware_retry_s = \"often\"\n", ":2: service.hardware_retry_s: expected a number"},
      {"present file for real chips", "[service]\nsource = \"hardware\"\ndevices_present_file = \"x\"\n[hardware]\n",
       ":3: service.devices_present_file: only for source = \"devices\""},
      {"state_dir not text", "[service]\nstate_dir = false\n", ":2: service.state_dir: expected a string"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string message = error_of(c.text);
    EXPECT_EQ(message.rfind(kPath + c.expected, 0), 0u) << "got: " << message;
  }
}

// BUG (service_config.cpp, `number`): NaN passes the range check (`v < min || v > max` is false
// for NaN), so speed, escalate_within_min, save_interval_s and watchdog_stale_s accept `nan`.
TEST(ServiceConfig, NotANumberIsOutOfRange) {
  for (const std::string key :
       {"speed", "escalate_within_min", "save_interval_s", "watchdog_stale_s", "hardware_retry_s"}) {
    SCOPED_TRACE(key);
    const std::string message = error_of("[service]\n" + key + " = nan\n");
    EXPECT_EQ(message.rfind(kPath + ":2: service." + key + ": ", 0), 0u) << "got: " << message;
  }
}

TEST(ServiceConfig, QuietHoursAcrossMidnight) {
  const QuietHours q{22 * 60, 7 * 60};
  EXPECT_TRUE(q.contains(22 * 60));
  EXPECT_TRUE(q.contains(23 * 60 + 59));
  EXPECT_TRUE(q.contains(0));
  EXPECT_TRUE(q.contains(6 * 60 + 59));
  EXPECT_FALSE(q.contains(7 * 60));
  EXPECT_FALSE(q.contains(12 * 60));
  EXPECT_FALSE(q.contains(21 * 60 + 59));
  // As parsed from the config.
  const auto c = read("[service]\nquiet_hours = \"22:00-07:00\"\n");
  ASSERT_TRUE(c.quiet_hours);
  EXPECT_TRUE(c.quiet_hours->contains(3 * 60));
  EXPECT_FALSE(c.quiet_hours->contains(9 * 60));
}

TEST(ServiceConfig, QuietHoursWithinADay) {
  const QuietHours q{13 * 60, 14 * 60 + 30};
  EXPECT_FALSE(q.contains(12 * 60 + 59));
  EXPECT_TRUE(q.contains(13 * 60));
  EXPECT_TRUE(q.contains(14 * 60 + 29));
  EXPECT_FALSE(q.contains(14 * 60 + 30));
  EXPECT_FALSE(q.contains(0));
  EXPECT_FALSE(q.contains(23 * 60 + 59));
}

TEST(ServiceConfig, AnEmptyQuietRangeContainsNothing) {
  for (const int at : {0, 7 * 60, 12 * 60}) {
    const QuietHours q{at, at};
    for (int m = 0; m < 24 * 60; ++m) ASSERT_FALSE(q.contains(m)) << at << " " << m;
  }
  const auto c = read("[service]\nquiet_hours = \"07:00-07:00\"\n");
  ASSERT_TRUE(c.quiet_hours);
  EXPECT_FALSE(c.quiet_hours->contains(7 * 60));
}

}  // namespace
}  // namespace chairhub
