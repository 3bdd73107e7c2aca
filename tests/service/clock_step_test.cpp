// chairhubd as a process under libfaketime, with only its wall clock faked
// (FAKETIME_DONT_FAKE_MONOTONIC=1) and set from a file it re-reads at every call
// (FAKETIME_NO_CACHE=1), in a fixed zone: the wall clock stepped as NTP does while someone sits
// must not touch the durations, which come from the monotonic clock; the day's totals roll over
// at local midnight. The sitter is the simulated chair at 20x speed, so minutes pass in seconds.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/broker_harness.hpp"
#include "support/daemon_harness.hpp"

namespace chairhub {
namespace {

using namespace std::chrono_literals;
using mqtt::test::wait_until;
using service_test::Daemon;
using service_test::NotifySocket;
using service_test::read_text;
using Steady = std::chrono::steady_clock;

constexpr const char* kZone = "Europe/Berlin";  // its midnight is 22:00 or 23:00 UTC, never UTC's
constexpr double kSpeed = 20;

// Seconds since the epoch of a local time "YYYY-MM-DD HH:MM:SS" (the test runs in kZone).
double local_to_epoch(const std::string& text) {
  std::tm tm{};
  std::istringstream(text) >> std::get_time(&tm, "%Y-%m-%d %H:%M:%S");
  tm.tm_isdst = -1;
  return static_cast<double>(std::mktime(&tm));
}

std::string epoch_to_local(double epoch) {
  const auto t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
  return text;
}

// An environment variable set (or, with nullptr, removed) for a scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    value ? ::setenv(name, value, 1) : ::unsetenv(name);
  }
  ~ScopedEnv() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

class ClockStepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string(CHAIRHUB_FAKETIME).empty() || !std::filesystem::exists(CHAIRHUB_FAKETIME))
      GTEST_SKIP() << "libfaketime is not installed (Debian: libfaketime)";
    if (!std::filesystem::exists(std::string("/usr/share/zoneinfo/") + kZone))
      GTEST_SKIP() << "no time zone data for " << kZone << " (Debian: tzdata)";
    // The test reads and writes local times in the daemon's zone, which inherits it; nothing
    // else in this program depends on the zone.
    ::setenv("TZ", kZone, 1);
    ::tzset();
    const auto dir = dir_.path();
    std::ofstream(dir / "sitter.toml") << "[sitter]\nmass_kg = 75\n[log]\nrate_hz = 10\n"
                                       << "[[step]]\nposture = \"upright\"\nseconds = 7200\n";
    std::ofstream(config_) << "[service]\nsource = \"simulated\"\nscenario = \"" << (dir / "sitter.toml").string()
                           << "\"\nspeed = " << kSpeed << "\nstate_dir = \"" << (dir / "state").string()
                           << "\"\nsave_interval_s = 1\n[mqtt]\nenabled = false\n[breaks]\ninterval_min = 1\n";
  }

  // Sets the daemon's wall clock to `local` (kZone) from now on; written whole, then renamed in,
  // since the daemon reads the file at every clock call.
  void set_wall(const std::string& local) {
    std::ofstream(clock_file_.string() + ".new") << "@" << local << "\n";
    std::filesystem::rename(clock_file_.string() + ".new", clock_file_);
    wall_set_ = local_to_epoch(local);
    wall_set_at_ = Steady::now();
  }
  // The daemon's wall clock now, from the last setting and the time since.
  double wall_now() const { return wall_set_ + std::chrono::duration<double>(Steady::now() - wall_set_at_).count(); }
  // Moves the daemon's wall clock by `seconds`.
  void step_wall(double seconds) { set_wall(epoch_to_local(wall_now() + seconds)); }

  // chairhubd with the fake wall clock: libfaketime preloaded into the child only (it takes
  // these from the environment at exec; this process never loads it). A sanitizer build's
  // runtime would refuse to come second to it, unless told that this is fine.
  std::unique_ptr<Daemon> start_daemon() {
    const char* asan = std::getenv("ASAN_OPTIONS");
    const std::string asan_options = (asan ? std::string(asan) + ":" : "") + "verify_asan_link_order=0";
    const ScopedEnv preload("LD_PRELOAD", CHAIRHUB_FAKETIME), file("FAKETIME_TIMESTAMP_FILE", clock_file_.c_str()),
        no_cache("FAKETIME_NO_CACHE", "1"), monotonic("FAKETIME_DONT_FAKE_MONOTONIC", "1"), fixed("FAKETIME", nullptr),
        sanitizer("ASAN_OPTIONS", asan_options.c_str());
    return std::make_unique<Daemon>(config_, notify_, log_);
  }

  nlohmann::json state() const {
    std::ifstream in(dir_.path() / "state" / "state.json");
    return in ? nlohmann::json::parse(in, nullptr, false) : nlohmann::json();
  }
  // Waits for a saved state that satisfies `pred`, and returns it.
  nlohmann::json wait_state(const std::function<bool(const nlohmann::json&)>& pred, std::chrono::milliseconds timeout) {
    nlohmann::json s;
    wait_until(
        [&] {
          s = state();
          return s.is_object() && pred(s);
        },
        timeout, 20ms);
    return s;
  }
  int count(const std::string& type) const {
    int n = 0;
    for (const auto& e : service_test::logged_events(log_)) n += e["type"] == type;
    return n;
  }
  bool wait_event(const std::string& type, std::chrono::milliseconds timeout) const {
    return wait_until([&] { return count(type) > 0; }, timeout, 20ms);
  }
  void stop(Daemon& daemon) {
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait(10s), 0) << read_text(log_);
  }

  mqtt::test::TempDir dir_;
  std::filesystem::path config_ = dir_.path() / "chairhub.toml";
  std::filesystem::path clock_file_ = dir_.path() / "wall-clock";
  std::filesystem::path log_ = dir_.path() / "chairhubd.log";
  NotifySocket notify_{dir_.path() / "notify.sock"};
  double wall_set_ = 0;
  Steady::time_point wall_set_at_;
};

class WallClockStep : public ClockStepTest, public ::testing::WithParamInterface<double> {};

TEST_P(WallClockStep, WhileSeatedLeavesDurationsAndTheBreakAlone) {
  const double step_s = GetParam();
  set_wall("2026-06-15 10:00:00");
  auto daemon = start_daemon();
  ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << read_text(log_);
  ASSERT_TRUE(wait_event("seated", 5s)) << read_text(log_);
  // A save with the session under way, on the old wall clock.
  const auto before = wait_state([](const auto& s) { return !s["session"].is_null() && s["session"]["seated_s"] > 10; }, 5s);
  ASSERT_FALSE(before["session"].is_null()) << before.dump();

  step_wall(step_s);
  // The break is due after 60 s of session (3 s here), however the wall clock moved.
  ASSERT_TRUE(wait_event("break_due", 10s)) << read_text(log_);
  stop(*daemon);

  for (const auto& e : service_test::logged_events(log_)) {
    if (e["type"] != "break_due") continue;
    EXPECT_NEAR(e["session_s"].get<double>(), 60, 0.15) << e.dump();
    break;
  }
  EXPECT_EQ(count("seated"), 1);
  EXPECT_EQ(count("stood_up"), 0);

  const auto after = state();
  ASSERT_FALSE(after["session"].is_null()) << after.dump();
  const double seated_s = after["session"]["seated_s"];
  EXPECT_GE(seated_s, 60);
  EXPECT_LT(seated_s, 120);  // 3-6 s at 20x: nowhere near the 3 h the wall clock moved
  // The wall clock did move, and the session's start on it moved along: it is saved as "now
  // minus the session's length", the length measured on the monotonic clock.
  EXPECT_NEAR(after["saved_at_wall"].get<double>(), wall_now(), 5);
  EXPECT_NEAR(after["saved_at_wall"].get<double>() - after["session"]["start_wall"].get<double>(), seated_s, 3);
  // Today's sit time is the session's: counted on the monotonic clock, the same local date.
  EXPECT_EQ(after["day"]["date"], "2026-06-15");
  EXPECT_NEAR(after["day"]["sitting_s"].get<double>(), seated_s, 0.5);
}

INSTANTIATE_TEST_SUITE_P(ThreeHours, WallClockStep, ::testing::Values(3 * 3600.0, -3 * 3600.0),
                         [](const auto& info) { return info.param > 0 ? "Forward" : "Back"; });

TEST_F(ClockStepTest, DailyTotalsRollOverAtLocalMidnightAndKeepCounting) {
  set_wall("2026-06-15 23:59:57");  // 21:59:57 UTC: a daemon on UTC would not see a new day
  auto daemon = start_daemon();
  ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << read_text(log_);
  ASSERT_TRUE(wait_state([](const auto& s) { return s["day"]["date"] == "2026-06-15" && s["day"]["sitting_s"] > 0; }, 5s)
                  .is_object());
  // The last save before midnight: the old day had at least that, and at most one save
  // interval (20 s at 20x) more.
  nlohmann::json evening;
  const auto night = wait_state(
      [&](const auto& s) {
        if (s["day"]["date"] == "2026-06-15") evening = s;
        return s["day"]["date"] == "2026-06-16";
      },
      8s);
  ASSERT_EQ(night["day"]["date"], "2026-06-16") << night.dump();
  // Still counting on the new day: a later save has more.
  const double first = night["day"]["sitting_s"];
  const auto later = wait_state([&](const auto& s) { return s["day"]["sitting_s"] > first + 5; }, 5s);
  EXPECT_GT(later["day"]["sitting_s"].get<double>(), first + 5) << later.dump();
  stop(*daemon);

  const auto end = state();
  const double session = end["session"]["seated_s"], today = end["day"]["sitting_s"];
  const double yesterday = evening["day"]["sitting_s"];
  EXPECT_EQ(end["day"]["date"], "2026-06-16");
  EXPECT_GT(today, 0);
  EXPECT_LE(today, session - yesterday + 0.5) << "the new day began at zero";
  EXPECT_GE(today, session - yesterday - 1.5 * kSpeed) << "and counts all of the new day";
  // The session itself runs on through midnight.
  EXPECT_EQ(count("seated"), 1);
  EXPECT_EQ(count("stood_up"), 0);
}

}  // namespace
}  // namespace chairhub
