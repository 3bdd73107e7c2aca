// The soak: a simulated week through chairhubd's live path, as fast as the analysis goes.
//
// week.toml is simulated to a log once; chairhubd plays that log as if live (reader thread,
// event loop, state saves, LED/buzzer driver, MQTT with a real broker on loopback), while this
// test watches the process's resident memory and open file descriptors. The same log through
// `chairhub replay` gives the reference: every event it finds must reach the broker, no more.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "support/broker_harness.hpp"
#include "support/daemon_harness.hpp"

namespace chairhub {
namespace {

using namespace std::chrono_literals;
using mqtt::test::Broker;
using mqtt::test::Child;
using mqtt::test::Subscriber;
using mqtt::test::TempDir;
using mqtt::test::wait_until;
using service_test::Daemon;
using service_test::NotifySocket;

// How far the process may grow from its settled size to the end: a leak of a few bytes per
// sample over 2.9 million samples would show as megabytes.
constexpr long kMaxGrowthKb = 1024;

long resident_kb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

long open_fds(pid_t pid) {
  std::error_code ec;
  long n = 0;
  for (auto it = std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
    ++n;
  return ec ? -1 : n;
}

bool run(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
  Child child(argv, false);
  return child.wait(timeout);
}

using Counts = std::map<std::string, int>;

Counts count_types(const std::vector<nlohmann::json>& events) {
  Counts counts;
  for (const auto& e : events) ++counts[e.value("type", "?")];
  return counts;
}

std::vector<nlohmann::json> read_json_lines(const std::filesystem::path& path) {
  std::vector<nlohmann::json> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line, nullptr, false));
  return out;
}

struct Reading {
  double at_s;
  long rss_kb, fds;
};

TEST(Soak, AWeekThroughTheDaemonStaysFlatAndLosesNothing) {
  if (!Broker::available()) GTEST_SKIP() << "mosquitto is not installed";
  TempDir dir;
  const auto log = dir.path() / "week.csv";
  ASSERT_TRUE(run({CHAIRHUB_CLI, "simulate", std::string(CHAIRHUB_SOAK_DIR) + "/week.toml", "-o", log.string()}, 300s));
  ASSERT_TRUE(run({"/bin/sh", "-c", std::string(CHAIRHUB_CLI) + " replay '" + log.string() + "' > '" +
                                        (dir.path() / "replay.jsonl").string() + "'"},
                  300s));
  const Counts expected = count_types(read_json_lines(dir.path() / "replay.jsonl"));
  ASSERT_GT(expected.at("break_due"), 0);

  Broker broker;
  broker.start();
  Subscriber events(broker.port(), {"chairhub/soak/event"});
  ASSERT_TRUE(events.wait_subscribed());
  const auto config = dir.path() / "chairhub.toml";
  std::ofstream(config) << "[service]\nsource = \"log\"\nlog = \"" << log.string() << "\"\nspeed = 0\n"
                        << "state_dir = \"" << (dir.path() / "state").string() << "\"\n"
                        << "[mqtt]\nhost = \"127.0.0.1\"\nport = " << broker.port() << "\nchair_id = \"soak\"\n";
  NotifySocket notify(dir.path() / "notify");
  const auto journal = dir.path() / "chairhubd.log";
  const auto start = std::chrono::steady_clock::now();
  Daemon daemon(config, notify, journal);
  ASSERT_TRUE(notify.wait_for("READY=1", 10s));

  // A reading counts only if STOPPING=1 had not come 200 ms later: once the log is played out the
  // daemon closes its files on the way out, and a loaded machine can catch it half-way.
  std::vector<Reading> readings;
  while (daemon.alive()) {
    const double at = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const long rss = resident_kb(daemon.pid()), fds = open_fds(daemon.pid());
    std::this_thread::sleep_for(200ms);
    if (notify.count("STOPPING=1") > 0) break;
    if (rss > 0 && fds > 0) readings.push_back({at, rss, fds});
  }
  ASSERT_EQ(daemon.wait(10s), 0) << service_test::read_text(journal);
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_GE(readings.size(), 20u) << "the run was too short to judge";

  // Settled: past the first tenth (buffers, the broker connection, the first state save).
  const Reading settled = readings[readings.size() / 10];
  const Reading last = readings.back();
  const auto peak = std::max_element(readings.begin(), readings.end(),
                                     [](const Reading& a, const Reading& b) { return a.rss_kb < b.rss_kb; });
  long min_fds = settled.fds;
  long max_fds = min_fds;
  for (std::size_t i = readings.size() / 10; i < readings.size(); ++i) {
    min_fds = std::min(min_fds, readings[i].fds);
    max_fds = std::max(max_fds, readings[i].fds);
  }
  EXPECT_LE(last.rss_kb - settled.rss_kb, kMaxGrowthKb);
  EXPECT_LE(peak->rss_kb - settled.rss_kb, kMaxGrowthKb);
  // A save holds its temporary file and the directory open for a moment; more would be a leak.
  EXPECT_LE(max_fds - min_fds, 2);
  EXPECT_LE(last.fds, settled.fds);

  const Counts logged = count_types(service_test::logged_events(journal));
  EXPECT_EQ(logged, expected) << "the daemon's analysis differs from the replay's";
  std::size_t total = 0;
  for (const auto& [type, n] : expected) total += static_cast<std::size_t>(n);
  wait_until([&] { return events.on("chairhub/soak/event").size() >= total; }, 30s);
  std::vector<nlohmann::json> delivered;
  for (const auto& m : events.on("chairhub/soak/event")) delivered.push_back(nlohmann::json::parse(m.payload));
  EXPECT_EQ(count_types(delivered), expected) << "events lost or repeated on the way to the broker";

  std::printf("soak: %zu events over a simulated week in %.1f s; resident %ld KB settled, %ld KB at the end, "
              "%ld KB peak; %ld-%ld open descriptors\n",
              total, wall_s, settled.rss_kb, last.rss_kb, peak->rss_kb, min_fds, max_fds);
  for (const auto& [type, n] : expected) std::printf("  %-12s %d\n", type.c_str(), n);
}

}  // namespace
}  // namespace chairhub
