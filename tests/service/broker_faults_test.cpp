// Broker faults, with chairhubd as a process and a real mosquitto: no broker at start, a broker
// gone for a minute, a broker that refuses the credentials. Each time: a clear log line, no
// busy loop (the reconnect backoff, measured by when the attempts appear in the log and by the
// daemon's CPU time), and every event delivered, in order, once the broker takes it.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <iostream>
#include <optional>

#include "fault_harness.hpp"

namespace chairhub {
namespace {

using namespace std::chrono_literals;
using mqtt::test::Broker;
using mqtt::test::Subscriber;
using mqtt::test::wait_until;
using service_test::Daemon;
using service_test::LogWatch;
using service_test::NotifySocket;
using service_test::read_text;
using SteadyClock = std::chrono::steady_clock;

double seconds_between(SteadyClock::time_point a, SteadyClock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// The reconnect attempts logged ("... retrying in N s"), each followed by the next one (or by
// `connected`, when the connection came back) after the N seconds it announced, the waits
// doubling from 1 s up to `cap`.
void expect_backoff(const std::vector<LogWatch::Line>& attempts, int cap,
                    std::optional<SteadyClock::time_point> connected = {}) {
  int expected = 1;
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    const auto& line = attempts[i].text;
    const int said = std::stoi(line.substr(line.rfind("retrying in ") + 12));
    EXPECT_EQ(said, expected) << line;
    expected = std::min(expected * 2, cap);
    if (i + 1 == attempts.size() && !connected) break;
    const auto next = i + 1 < attempts.size() ? attempts[i + 1].at : *connected;
    const double gap = seconds_between(attempts[i].at, next);
    EXPECT_GE(gap, said - 0.2) << "attempt " << i + 1 << " came early: " << line;
    EXPECT_LE(gap, said + 2.0) << "attempt " << i + 1 << " came late: " << line;
  }
}

class BrokerFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Broker::available()) GTEST_SKIP() << "mosquitto is not installed";
  }
  std::filesystem::path log_path() const { return dir_.path() / "chairhubd.log"; }
  std::string log() const { return read_text(log_path()); }
  std::vector<std::string> logged() const { return service_test::logged_event_keys(log_path()); }
  std::size_t outbox_events() const {
    return service_test::count_of(read_text(dir_.path() / "state" / "mqtt-outbox.jsonl"), "{\"a\":");
  }
  std::string broker_name(const Broker& broker) const { return "broker 127.0.0.1:" + std::to_string(broker.port()); }
  // Waits until `subscriber` has every event logged so far, in order (at least once each).
  bool all_delivered_in_order(const Subscriber& subscriber, std::chrono::milliseconds timeout = 20s) const {
    const auto expected = logged();
    return wait_until(
        [&] { return service_test::starts_with(service_test::delivered_events(subscriber.on("chairhub/f1/event")), expected); },
        timeout);
  }
  static void report(const std::string& what, double value) {
    ::testing::Test::RecordProperty(what, std::to_string(value));
    std::cout << "[ figure   ] " << what << " = " << value << "\n";
  }

  mqtt::test::TempDir dir_;
  NotifySocket notify_{dir_.path() / "notify.sock"};
};

// Nobody listens on the broker's port when the daemon starts: it starts all the same, says it
// cannot connect, keeps the events in the outbox file, retries after 1, 2, 4, 8 s (the default
// backoff) and delivers everything when the broker appears.
TEST_F(BrokerFaultsTest, UnreachableAtStartDeliversEverythingWhenTheBrokerAppears) {
  Broker broker;  // its port is chosen, nothing listens there yet
  LogWatch watch(log_path());
  const auto started = SteadyClock::now();
  Daemon daemon(service_test::write_fault_config(dir_.path(), broker.port()), notify_, log_path());
  ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
  ASSERT_TRUE(wait_until([&] { return !watch.matching("retrying in 8 s").empty(); }, 15s)) << log();
  EXPECT_NE(log().find(broker_name(broker) + ": Connection refused; retrying in 1 s"), std::string::npos) << log();
  EXPECT_GE(outbox_events(), 1u) << "events are kept on disk while the broker is away";

  broker.start();
  Subscriber events(broker.port(), {"chairhub/f1/event"});
  ASSERT_TRUE(events.wait_subscribed());
  ASSERT_TRUE(wait_until([&] { return !watch.matching("connected to 127.0.0.1").empty(); }, 15s)) << log();
  const auto connected = watch.matching("connected to 127.0.0.1").front().at;
  const double cpu = daemon.cpu_seconds();
  expect_backoff(watch.matching("retrying in"), 60, connected);
  EXPECT_EQ(watch.matching("retrying in").size(), 4u) << log();  // after 1, 3, 7 s; connected after 15 s

  const double wall = seconds_between(started, connected);
  report("unreachable_s", wall);
  report("cpu_s_while_unreachable", cpu);
  EXPECT_LT(cpu, 0.1 * wall) << "a busy loop?";
  EXPECT_TRUE(all_delivered_in_order(events)) << log();
}

// The broker goes away for a minute mid-day, six times the longest backoff (reconnect_max_s =
// 10 here; 60 by default). The daemon retries after 1, 2, 4, 8, 10, 10... s, uses next to no CPU
// meanwhile, and delivers every event of the outage, in order, once the broker is back.
TEST_F(BrokerFaultsTest, SlowBrokerGoneForAMinuteLosesNoEventAndDoesNotSpin) {
  constexpr int kCap = 10;
  constexpr auto kOutage = 60s;
  Broker broker;
  broker.start();
  // A persistent session: the broker keeps its subscription and queues for it across its restart.
  Subscriber events(broker.port(), {"chairhub/f1/event"}, "fault-watcher", /*clean=*/false);
  ASSERT_TRUE(events.wait_subscribed());
  LogWatch watch(log_path());
  const auto config = service_test::write_fault_config(dir_.path(), broker.port(),
                                                       "reconnect_max_s = " + std::to_string(kCap) + "\n");
  Daemon daemon(config, notify_, log_path());
  ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
  ASSERT_TRUE(wait_until([&] { return !service_test::delivered_events(events.on("chairhub/f1/event")).empty(); }, 10s))
      << log();

  // Taken before the stop: the daemon may see the connection drop (and log it) before stop()
  // has finished waiting for the broker to exit.
  const auto down = SteadyClock::now();
  broker.stop();
  const double cpu_before = daemon.cpu_seconds();
  const auto events_before = logged().size();
  std::this_thread::sleep_until(down + kOutage);
  const double cpu_during = daemon.cpu_seconds() - cpu_before;
  const auto events_during = logged().size() - events_before;
  broker.start();

  ASSERT_TRUE(wait_until([&] { return !watch.matching("connected to 127.0.0.1", down).empty(); }, 15s)) << log();
  const auto connected = watch.matching("connected to 127.0.0.1", down).front().at;
  const auto attempts = watch.matching("retrying in", down);
  ASSERT_FALSE(attempts.empty()) << log();
  EXPECT_NE(attempts.front().text.find(broker_name(broker) + ": The connection was lost"), std::string::npos)
      << attempts.front().text;
  expect_backoff(attempts, kCap, connected);
  // Waits of 1+2+4+8 s, then 10 s each: 8 or 9 attempts before the broker is back at 60 s.
  EXPECT_GE(attempts.size(), 8u);
  EXPECT_LE(attempts.size(), 9u);

  report("outage_s", seconds_between(down, connected));
  report("connection_attempts_during_outage", static_cast<double>(attempts.size()));
  report("cpu_s_during_outage", cpu_during);
  report("events_during_outage", static_cast<double>(events_during));
  EXPECT_LT(cpu_during, 0.1 * 60) << "a busy loop?";
  EXPECT_GE(events_during, 10u);
  EXPECT_TRUE(all_delivered_in_order(events)) << log();
  EXPECT_TRUE(daemon.alive());
}

// The broker refuses the daemon's credentials: an error line that says so (not a generic
// connection error), the usual backoff, the events kept in the outbox; a restart with the right
// credentials delivers them all, in order.
TEST_F(BrokerFaultsTest, RefusedCredentialsAreSaidClearlyAndEventsWaitForTheRightOnes) {
  if (!Broker::passwd_available()) GTEST_SKIP() << "mosquitto_passwd is not installed";
  Broker broker("password_file @DIR@/passwd\n", /*anonymous=*/false);
  broker.add_user("f1", "right password");
  broker.add_user("reader", "reader password");
  broker.start();
  Subscriber events(broker.port(), {"chairhub/f1/event"}, {}, true, "reader", "reader password");
  ASSERT_TRUE(events.wait_subscribed());

  const auto credentials = dir_.path() / "mqtt.credentials";
  auto write_credentials = [&](const std::string& password) {
    std::ofstream(credentials) << "username=f1\npassword=" << password << "\n";
    ::chmod(credentials.c_str(), 0600);
  };
  write_credentials("wrong password");
  const auto config = service_test::write_fault_config(
      dir_.path(), broker.port(), "reconnect_max_s = 4\ncredentials_file = \"" + credentials.string() + "\"\n");

  LogWatch watch(log_path());
  std::vector<std::string> first_run;
  {
    Daemon daemon(config, notify_, log_path());
    ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
    const auto started = SteadyClock::now();
    std::this_thread::sleep_for(10s);
    const auto refused = watch.matching("refused the credentials");
    ASSERT_FALSE(refused.empty()) << log();
    EXPECT_EQ(refused.front().text, "<3>" + broker_name(broker) +
                                        ": refused the credentials (Connection Refused: not authorised): check the "
                                        "username and password in mqtt.credentials_file; retrying in 1 s");
    // After 1, 2, 4, 4 s: attempts at 0, 1, 3, 7 s, the next at 11 s.
    expect_backoff(refused, 4);
    EXPECT_EQ(refused.size(), 4u) << log();
    const double cpu = daemon.cpu_seconds();
    report("cpu_s_while_refused", cpu);
    EXPECT_LT(cpu, 0.1 * seconds_between(started, SteadyClock::now()) + 0.5) << "a busy loop?";
    EXPECT_TRUE(events.on("chairhub/f1/event").empty());
    EXPECT_GE(outbox_events(), 1u);

    daemon.signal(SIGTERM);
    EXPECT_EQ(daemon.wait(10s), 0) << log();
    first_run = logged();
    ASSERT_FALSE(first_run.empty());
  }

  write_credentials("right password");
  Daemon daemon(config, notify_, log_path());
  ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
  EXPECT_TRUE(wait_until(
      [&] { return service_test::starts_with(service_test::delivered_events(events.on("chairhub/f1/event")), first_run); },
      20s))
      << log();
}

}  // namespace
}  // namespace chairhub
