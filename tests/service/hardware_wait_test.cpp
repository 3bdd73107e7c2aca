// A chair that is not wired yet: chairhubd stays up instead of exiting (which had systemd restart
// it every 5 s forever), says what is missing in the journal, in systemd's STATUS and in the
// state Home Assistant's problem entity shows, stays `online`, keeps feeding the watchdog, and
// tries again until the sensors answer. As processes, with a real broker: simulated devices
// that are there only while a file exists, and the real GPIO backend on a chip that does not exist.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/broker_harness.hpp"
#include "support/daemon_harness.hpp"
#include "fault_harness.hpp"

namespace chairhub {
namespace {

using namespace std::chrono_literals;
using mqtt::test::Broker;
using mqtt::test::Subscriber;
using mqtt::test::wait_until;
using service_test::count_of;
using service_test::Daemon;
using service_test::NotifySocket;
using service_test::read_text;

// Someone sits from the start, so events come as soon as the sensors answer.
constexpr const char* kSitter = R"(
[sitter]
mass_kg = 75
seed = 5
[log]
rate_hz = 10
units = "raw"
[[step]]
posture = "upright"
seconds = 3600
)";

constexpr const char* kWiring = R"(
[hardware]
realtime = false
[hardware.hx711]
clock = 5
rate = 10
data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
[hardware.ads1115]
inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2, foot_r = 3 }
)";

class HardwareWaitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Broker::available()) GTEST_SKIP() << "mosquitto is not installed";
    broker_.start();
    sub_ = std::make_unique<Subscriber>(
        broker_.port(), std::vector<std::string>{"chairhub/w1/status", "chairhub/w1/state", "chairhub/w1/event"});
    ASSERT_TRUE(sub_->wait_subscribed());
  }

  // chairhubd on `source`, trying the sensors every 0.2 s; `extra` goes into [service].
  std::filesystem::path write_config(const std::string& source, const std::string& extra,
                                     const std::string& wiring = kWiring) {
    std::ofstream(dir_.path() / "sitter.toml") << kSitter;
    auto path = dir_.path() / "chairhub.toml";
    std::ofstream(path) << "[service]\nsource = \"" << source << "\"\nscenario = \"sitter.toml\"\nstate_dir = \""
                        << (dir_.path() / "state").string() << "\"\nhardware_retry_s = 0.2\n"
                        << extra << "[mqtt]\nhost = \"127.0.0.1\"\nport = " << broker_.port()
                        << "\nchair_id = \"w1\"\n" << wiring;
    return path;
  }
  std::filesystem::path devices_config() {
    return write_config("devices", "devices_present_file = \"" + present_.string() + "\"\n");
  }

  nlohmann::json last_state() const {
    const auto states = sub_->on("chairhub/w1/state");
    return states.empty() ? nlohmann::json::object() : nlohmann::json::parse(states.back().payload);
  }
  // The retained state's health.hardware: the reason, or "" once the sensors are read.
  std::optional<std::string> hardware_problem() const {
    const auto state = last_state();
    if (!state.contains("health")) return std::nullopt;
    const auto& health = state["health"];
    if (health["hardware"].is_null()) return health["ok"].get<bool>() ? std::optional<std::string>("") : std::nullopt;
    EXPECT_FALSE(health["ok"].get<bool>());
    return health["hardware"].get<std::string>();
  }
  bool problem_contains(const std::string& part) const {
    const auto problem = hardware_problem();
    return problem && !problem->empty() && problem->find(part) != std::string::npos;
  }
  bool problem_cleared() const { return hardware_problem() == std::optional<std::string>(""); }
  std::size_t events() const { return sub_->on("chairhub/w1/event").size(); }

  void plug_in() { std::ofstream(present_) << "plugged in\n"; }
  void unplug() { std::filesystem::remove(present_); }

  mqtt::test::TempDir dir_;
  std::filesystem::path present_ = dir_.path() / "chips-present";
  std::filesystem::path log_ = dir_.path() / "chairhubd.log";
  Broker broker_;
  std::unique_ptr<Subscriber> sub_;  // once the broker runs
};

TEST_F(HardwareWaitTest, AChairNotWiredYetWaitsSaysWhyAndRunsOnceTheSensorsAnswer) {
  NotifySocket notify(dir_.path() / "notify.sock");
  Daemon daemon(devices_config(), notify, log_);

  // systemd hears why, and READY=1 all the same, so its start does not time out.
  const auto status = notify.wait_for_prefix("STATUS=", 5s);
  ASSERT_TRUE(status) << read_text(log_);
  EXPECT_EQ(status->rfind("STATUS=waiting for the sensors: no GPIO chip found", 0), 0u) << *status;
  EXPECT_NE(status->find("retrying every 0.2 s"), std::string::npos) << *status;
  ASSERT_TRUE(notify.wait_for("READY=1", 5s)) << read_text(log_);
  EXPECT_TRUE(notify.wait_for("WATCHDOG=1", 2s)) << "a daemon waiting for its sensors is healthy";

  // Home Assistant sees the chair online and its problem entity says why.
  EXPECT_TRUE(sub_->wait_last("chairhub/w1/status", "online"));
  ASSERT_TRUE(wait_until([&] { return problem_contains("no GPIO chip found"); }, 5s)) << read_text(log_);

  // Tried again and again, said once. A reload while waiting works and tries at once.
  daemon.signal(SIGHUP);
  EXPECT_TRUE(notify.wait_for("RELOADING=1", 3s));
  EXPECT_TRUE(notify.wait_for("READY=1", 3s));
  EXPECT_TRUE(notify.wait_for("WATCHDOG=1", 2s));
  EXPECT_TRUE(notify.wait_for("WATCHDOG=1", 2s));
  EXPECT_TRUE(daemon.alive());
  EXPECT_EQ(count_of(read_text(log_), "waiting for the sensors"), 1u) << read_text(log_);
  EXPECT_EQ(events(), 0u);

  // The chips appear: the sensors open, the problem clears, events come.
  plug_in();
  ASSERT_TRUE(wait_until([&] { return read_text(log_).find("sensors open") != std::string::npos; }, 5s))
      << read_text(log_);
  EXPECT_TRUE(wait_until([&] { return problem_cleared(); }, 5s));
  ASSERT_TRUE(wait_until([&] { return events() > 0; }, 15s)) << read_text(log_);
  EXPECT_TRUE(daemon.alive());

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s), 0) << read_text(log_);
}

// A GPIO chip that goes away while it is read (its device removed): before, chairhubd exited
// with status 1 and systemd restarted it; now it goes back to waiting, and on when it returns.
TEST_F(HardwareWaitTest, SensorsThatVanishWhileRunningAreWaitedForAgain) {
  plug_in();
  NotifySocket notify(dir_.path() / "notify.sock");
  Daemon daemon(devices_config(), notify, log_);
  ASSERT_TRUE(notify.wait_for("READY=1", 5s)) << read_text(log_);
  // Seated, not just any event: on a slow machine (a sanitizer's build) the first events can be
  // the cells' faults while the chips' first conversions are late, with no session yet to go on.
  ASSERT_TRUE(wait_until([&] { return last_state().value("occupied", false); }, 15s)) << read_text(log_);

  unplug();
  ASSERT_TRUE(wait_until([&] { return problem_contains("no GPIO chip found"); }, 5s)) << read_text(log_);
  const std::string text = read_text(log_);
  EXPECT_NE(text.find("the sensors failed: reading the HX711 data lines"), std::string::npos) << text;
  EXPECT_TRUE(daemon.alive());
  EXPECT_TRUE(notify.wait_for("WATCHDOG=1", 2s));

  // Nothing measured while they are gone; back, the sitter's session goes on as after a restart.
  EXPECT_FALSE(last_state()["occupied"].get<bool>());
  plug_in();
  EXPECT_TRUE(wait_until([&] { return problem_cleared() && last_state()["occupied"].get<bool>(); }, 15s))
      << read_text(log_);
  EXPECT_EQ(count_of(read_text(log_), "sensors open"), 2u) << read_text(log_);
  EXPECT_NE(read_text(log_).find("continuing the sitting session"), std::string::npos) << read_text(log_);

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s), 0) << read_text(log_);
}

// The real libgpiod backend, asked for a chip no machine has: the words are the backend's own.
// SIGTERM while waiting stops at once, with `offline` for Home Assistant.
TEST_F(HardwareWaitTest, OnTheRealGpioBackendSigtermWhileWaitingExitsCleanly) {
  NotifySocket notify(dir_.path() / "notify.sock");
  // gpio_chip belongs to [hardware], before its sub-tables.
  std::string placed = kWiring;
  placed.insert(placed.find("realtime = false\n"), "gpio_chip = \"chairhub-test-no-such-chip\"\n");
  Daemon daemon(write_config("hardware", "", placed), notify, log_);

  const auto status = notify.wait_for_prefix("STATUS=", 5s);
  ASSERT_TRUE(status) << read_text(log_);
  EXPECT_EQ(status->rfind("STATUS=waiting for the sensors: ", 0), 0u) << *status;
  EXPECT_NE(status->find("chairhub-test-no-such-chip"), std::string::npos) << *status;
  ASSERT_TRUE(notify.wait_for("READY=1", 5s)) << read_text(log_);
  ASSERT_TRUE(wait_until([&] { return problem_contains("chairhub-test-no-such-chip"); }, 5s)) << read_text(log_);

  daemon.signal(SIGTERM);
  EXPECT_TRUE(notify.wait_for("STOPPING=1", 3s));
  EXPECT_EQ(daemon.wait(5s), 0) << read_text(log_);
  EXPECT_TRUE(sub_->wait_last("chairhub/w1/status", "offline"));
}

}  // namespace
}  // namespace chairhub
