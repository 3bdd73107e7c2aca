// check_config_file: every section of a config checked the way chairhubd reads it
// (load_daemon_config), each problem as "file:line: key: what".
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "service/daemon_config.hpp"
#include "support/mqtt_support.hpp"

namespace chairhub {
namespace {

using mqtt::test::TempDir;

// The wiring of the shipped config (config/chairhub.toml).
const char* const kHardware = R"([hardware]
realtime = true
[hardware.hx711]
clock = 5
rate = 10
gain = 128
data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
[hardware.ads1115]
bus = 1
address = 0x48
inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2, foot_r = 3 }
[[hardware.outputs]]
name = "led"
kind = "led"
line = 16
)";

class CheckConfigTest : public ::testing::Test {
 protected:
  std::string write(const std::string& text) {
    path_ = (dir_.path() / "chairhub.toml").string();
    std::ofstream(path_) << text;
    return path_;
  }
  // The problem that starts with "<path>:<line>: <key>", if there is one.
  static bool has(const std::vector<std::string>& problems, const std::string& start) {
    for (const auto& p : problems)
      if (p.rfind(start, 0) == 0) return true;
    return false;
  }
  static std::string all(const std::vector<std::string>& problems) {
    std::string text;
    for (const auto& p : problems) text += p + "\n";
    return text;
  }

  TempDir dir_;
  std::string path_;
};

TEST_F(CheckConfigTest, AGoodFileHasNoProblems) {
  // Appended rather than `std::string(...) + kHardware`: GCC 12 at -O1 wrongly sees that
  // operator+ copy out of bounds (-Warray-bounds).
  std::string text = R"([posture]
dwell_s = 2
[service]
source = "simulated"
speed = 60
quiet_hours = "22:00-07:00"
[mqtt]
host = "127.0.0.1"
chair_id = "office"
)";
  text += kHardware;
  const auto path = write(text);
  const auto problems = check_config_file(path);
  EXPECT_TRUE(problems.empty()) << all(problems);
}

// With no source set, chairhubd reads the sensors: a config without their wiring (an empty
// file, a [service] section without `source`) is refused rather than run as a made-up sitter.
TEST_F(CheckConfigTest, WithoutASourceTheSensorsNeedTheirWiring) {
  for (const std::string text : {"", "[service]\nspeed = 2\n", "[mqtt]\nchair_id = \"office\"\n"}) {
    SCOPED_TRACE(text);
    const auto path = write(text);
    const auto problems = check_config_file(path);
    ASSERT_EQ(problems.size(), 1u) << all(problems);
    EXPECT_NE(problems[0].find("no source is set"), std::string::npos) << all(problems);
    EXPECT_NE(problems[0].find("source = \"simulated\""), std::string::npos) << all(problems);
  }
  EXPECT_TRUE(check_config_file(write("[service]\nsource = \"simulated\"\n")).empty());
}

// A folder given as the config is one clear problem, not an empty config; an endless file
// (/dev/zero) is refused at the size limit instead of filling the memory.
TEST_F(CheckConfigTest, AFolderOrAnEndlessFileIsNotAConfig) {
  auto problems = check_config_file(dir_.path().string());
  ASSERT_EQ(problems.size(), 1u) << all(problems);
  EXPECT_EQ(problems[0], dir_.path().string() + ": cannot open the config file: it is a folder, not a file");
  problems = check_config_file("/dev/zero");
  ASSERT_EQ(problems.size(), 1u) << all(problems);
  EXPECT_NE(problems[0].find("/dev/zero: cannot open the config file: larger than 1024 KiB"), std::string::npos)
      << all(problems);
}

TEST_F(CheckConfigTest, ReportsProblemsFromEverySectionAtOnce) {
  const auto path = write(R"([occupancy]
on_kg = -3
[posture]
dwell_s = "long"
[service]
speed = 2
bogus = 1
[mqtt]
port = 0
[hardware]
realtime = "yes"
)");
  const auto problems = check_config_file(path);
  EXPECT_TRUE(has(problems, path + ":2: occupancy.on_kg")) << all(problems);
  EXPECT_TRUE(has(problems, path + ":4: posture.dwell_s")) << all(problems);
  EXPECT_TRUE(has(problems, path + ":7: service.bogus: unknown key")) << all(problems);
  EXPECT_TRUE(has(problems, path + ":9: mqtt.port")) << all(problems);
  EXPECT_TRUE(has(problems, path + ":11: hardware.realtime")) << all(problems);
  EXPECT_EQ(problems.size(), 5u) << all(problems);
}

// Several problems in one section are all reported too, and problems of a scenario file come
// with its own name.
TEST_F(CheckConfigTest, EveryProblemOfASectionAndOfTheScenario) {
  std::ofstream((dir_.path() / "day.toml").string()) << "[sitter]\nmass_kg = 5\n[[step]]\nminutes = 1\nfeet = \"up\"\n";
  const auto path = write(R"([service]
source = "simulated"
scenario = "day.toml"
[mqtt]
port = 0
chair_id = "a b"
hots = "x"
)");
  const auto problems = check_config_file(path);
  const std::string scenario = (dir_.path() / "day.toml").string();
  EXPECT_TRUE(has(problems, path + ":5: mqtt.port")) << all(problems);
  EXPECT_TRUE(has(problems, path + ":6: mqtt.chair_id")) << all(problems);
  EXPECT_TRUE(has(problems, path + ":7: mqtt.hots: unknown key")) << all(problems);
  EXPECT_TRUE(has(problems, scenario + ":2: mass_kg")) << all(problems);
  EXPECT_TRUE(has(problems, scenario + ":5: feet")) << all(problems);
  EXPECT_EQ(problems.size(), 5u) << all(problems);
}

TEST_F(CheckConfigTest, ChecksTheWiringAgainstTheChannelsWhenTheRestIsGood) {
  const auto path = write(R"([service]
source = "hardware"
[hardware.hx711]
clock = 5
data = { seat_fl = 6, seat_zz = 13 }
)");
  const auto problems = check_config_file(path);
  ASSERT_EQ(problems.size(), 1u) << all(problems);
  EXPECT_TRUE(has(problems, path + ":5: hardware: channel \"seat_zz\"")) << all(problems);
}

TEST_F(CheckConfigTest, ASyntaxErrorIsOneProblemWithItsLine) {
  const auto path = write("[service]\nspeed = 2\nlog_level = \n[mqtt]\nport = 0\n");
  const auto problems = check_config_file(path);
  ASSERT_EQ(problems.size(), 1u) << all(problems);
  EXPECT_TRUE(has(problems, path + ":3: ")) << all(problems);
}

TEST_F(CheckConfigTest, AMissingFileIsOneProblemNamingIt) {
  const std::string path = (dir_.path() / "nowhere.toml").string();
  const auto problems = check_config_file(path);
  ASSERT_EQ(problems.size(), 1u) << all(problems);
  EXPECT_TRUE(has(problems, path + ": ")) << all(problems);
}

// chairhubd refuses `source = "hardware"` (or "devices") without a [hardware] section, and so
// does check_config_file: both read the config through load_daemon_config.
TEST_F(CheckConfigTest, AHardwareSourceWithoutAHardwareSectionIsAProblem) {
  for (const std::string source : {"hardware", "devices"}) {
    SCOPED_TRACE(source);
    const auto path = write("[service]\nsource = \"" + source + "\"\n");
    const auto problems = check_config_file(path);
    ASSERT_EQ(problems.size(), 1u) << all(problems);
    EXPECT_NE(problems[0].find("service.source"), std::string::npos) << all(problems);
  }
}

// A scenario file that cannot be read is a problem of the config that names it.
TEST_F(CheckConfigTest, AMissingScenarioFileIsAProblem) {
  const auto path = write("[service]\nsource = \"simulated\"\nscenario = \"no-such-scenario.toml\"\n");
  const auto problems = check_config_file(path);
  ASSERT_EQ(problems.size(), 1u) << all(problems);
  EXPECT_NE(problems[0].find("no-such-scenario.toml"), std::string::npos) << all(problems);
}

// The files a config names are checked as chairhubd would use them, each problem at the key
// that names the file, so that chairhubd exits 78 (a config problem) instead of failing later.
TEST_F(CheckConfigTest, FilesTheConfigNamesAreCheckedAtTheirKeys) {
  const auto file = [&](const std::string& name, const std::string& text, std::filesystem::perms perms) {
    const auto p = dir_.path() / name;
    std::ofstream(p) << text;
    std::filesystem::permissions(p, perms);
    return p.string();
  };
  using std::filesystem::perms;
  const auto owner_only = perms::owner_read | perms::owner_write;
  const std::string open_creds = file("open.credentials", "username=a\npassword=b\n", owner_only | perms::others_read);
  const std::string bad_creds = file("bad.credentials", "user a\n", owner_only);
  const std::string open_key = file("chair.key", "key", owner_only | perms::group_read);
  const std::string state_file = file("state-is-a-file", "", owner_only);
  std::filesystem::create_directory(dir_.path() / "a-folder");
  struct Case {
    std::string section, key, where;
  };
  const Case cases[] = {
      {"[service]\nsource = \"log\"\n", "log", "missing.csv"},
      {"[service]\nsource = \"log\"\n", "log", "a-folder"},
      {"[service]\nsource = \"simulated\"\n", "state_dir", state_file},
      {"[service]\nsource = \"simulated\"\n", "state_dir", state_file + "/below"},
      {"[service]\nsource = \"simulated\"\n[mqtt]\nca_file = \"missing-ca.crt\"\n", "", ""},
      {"[service]\nsource = \"simulated\"\n[mqtt]\n", "credentials_file", "missing.credentials"},
      {"[service]\nsource = \"simulated\"\n[mqtt]\n", "credentials_file", bad_creds},
      {"[service]\nsource = \"simulated\"\n[mqtt]\ncredentials_permissions = \"refuse\"\n", "credentials_file",
       open_creds},
      {"[service]\nsource = \"simulated\"\n[mqtt]\ncredentials_permissions = \"refuse\"\nca_file = \"" + open_key +
           "\"\ncert_file = \"" + open_key + "\"\n",
       "key_file", open_key},
  };
  for (const auto& c : cases) {
    const std::string text = c.section + (c.key.empty() ? "" : c.key + " = \"" + c.where + "\"\n");
    SCOPED_TRACE(text);
    const auto problems = check_config_file(write(text));
    const std::string key = c.key.empty() ? "ca_file" : c.key;
    const std::string section = key == "log" || key == "state_dir" ? "service." : "mqtt.";
    ASSERT_EQ(problems.size(), 1u) << all(problems);
    EXPECT_NE(problems[0].find(": " + section + key + ": "), std::string::npos) << all(problems);
  }
  // The same files with the default "warn" are fine for the config; the daemon warns.
  const auto fine = check_config_file(write("[service]\nsource = \"simulated\"\n[mqtt]\ncredentials_file = \"" +
                                            open_creds + "\"\n"));
  EXPECT_TRUE(fine.empty()) << all(fine);
}

}  // namespace
}  // namespace chairhub
