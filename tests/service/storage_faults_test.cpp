// Storage faults, with chairhubd as a process: a full disk (a real, size-limited tmpfs in a
// mount namespace of its own), a state file cut short or left beside a temporary file by a power
// cut, an outbox with broken lines. Nothing already persisted is lost and the daemon starts.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "fault_harness.hpp"
#include "service/state_store.hpp"

namespace chairhub {
namespace {

using namespace std::chrono_literals;
using mqtt::test::Broker;
using mqtt::test::Subscriber;
using mqtt::test::wait_until;
using service_test::Daemon;
using service_test::NotifySocket;
using service_test::read_text;

// A tmpfs of a few pages mounted at `dir` in a mount namespace of its own, which a child process
// holds open: the host's mounts never see it, and it goes when the holder is killed (also if the
// test dies: PR_SET_PDEATHSIG). A daemon started with enter() sees it; the test reaches its
// files through /proc/<holder>/root, and it outlives a daemon's restart.
class PrivateTmpfs {
 public:
  PrivateTmpfs(const std::filesystem::path& dir, const std::string& size) : dir_(dir) {
    const std::string options = "size=" + size;  // built before fork: no allocation after it
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    holder_ = ::fork();
    if (holder_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      int err = 0;
      if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
          ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) != 0)
        err = errno;
      (void)!::write(pipe_fds[1], &err, sizeof err);
      if (err != 0) ::_exit(1);
      for (;;) ::pause();
    }
    ::close(pipe_fds[1]);
    int err = EIO;
    (void)!::read(pipe_fds[0], &err, sizeof err);
    ::close(pipe_fds[0]);
    if (err != 0) {
      error_ = std::strerror(err);
      return;
    }
    ns_fd_ = ::open(("/proc/" + std::to_string(holder_) + "/ns/mnt").c_str(), O_RDONLY | O_CLOEXEC);
  }
  ~PrivateTmpfs() {
    if (ns_fd_ >= 0) ::close(ns_fd_);
    ::kill(holder_, SIGKILL);
    ::waitpid(holder_, nullptr, 0);
  }
  PrivateTmpfs(const PrivateTmpfs&) = delete;
  PrivateTmpfs& operator=(const PrivateTmpfs&) = delete;

  // Empty when mounted, else why not (not root, no mount permission in a container...).
  const std::string& error() const { return error_; }
  // A file on the tmpfs, as the test sees it.
  std::filesystem::path operator/(const std::string& name) const {
    return "/proc/" + std::to_string(holder_) + "/root" + (dir_ / name).string();
  }
  // For Daemon's `in_child`: join the namespace before exec.
  std::function<void()> enter() const {
    return [fd = ns_fd_] {
      if (::setns(fd, CLONE_NEWNS) != 0) ::_exit(126);
    };
  }

  // Takes every free page with a filler file (a file of its own each time, so a page freed since
  // the last fill is taken too).
  void fill() {
    const auto path = *this / ("filler-" + std::to_string(fillers_++));
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const std::string block(4096, 'x');
    while (::write(fd, block.data(), block.size()) > 0) {
    }
    ::close(fd);
  }
  void free_space() {
    for (int i = 0; i < fillers_; ++i) std::filesystem::remove(*this / ("filler-" + std::to_string(i)));
  }

 private:
  std::filesystem::path dir_;
  pid_t holder_ = -1;
  int ns_fd_ = -1;
  int fillers_ = 0;
  std::string error_;
};

std::string local_date() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

// A state to start from that is easy to recognise: nudges off and a day already sat through.
PersistedState earlier_state() {
  PersistedState s;
  s.saved_at_wall = static_cast<double>(std::time(nullptr)) - 3600;
  s.day = local_date();
  s.day_sitting_s = 5000;
  s.day_breaks = 3;
  s.nudges_enabled = false;
  s.chair_id = "chair-0a1b2c3d";  // an id already kept, so the start itself has nothing to write
  return s;
}

std::size_t outbox_events(const std::filesystem::path& file) {
  return service_test::count_of(read_text(file), "{\"a\":");
}

// The events waiting in an outbox file, as "type@t", in order.
std::vector<std::string> outbox_event_keys(const std::filesystem::path& file) {
  std::vector<std::string> out;
  std::istringstream lines(read_text(file));
  for (std::string line; std::getline(lines, line);) {
    const auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_object() && record.contains("p"))
      out.push_back(service_test::event_key(nlohmann::json::parse(record["p"].get<std::string>())));
  }
  return out;
}

class StorageFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Broker::available()) GTEST_SKIP() << "mosquitto is not installed";
    std::filesystem::create_directories(state_dir());
  }
  std::filesystem::path state_dir() const { return dir_.path() / "state"; }
  std::filesystem::path config(const std::string& mqtt = {}, int away_first_s = 2) {
    return service_test::write_fault_config(dir_.path(), broker_.port(), "reconnect_max_s = 2\n" + mqtt, away_first_s);
  }
  std::filesystem::path log_path() const { return dir_.path() / "chairhubd.log"; }
  std::string log() const { return read_text(log_path()); }
  std::vector<std::string> logged() const { return service_test::logged_event_keys(log_path()); }

  mqtt::test::TempDir dir_;
  Broker broker_;
  NotifySocket notify_{dir_.path() / "notify.sock"};
};

// The disk fills up while the daemon runs. It keeps running and says which file failed and why;
// the last state.json stays as it was; events are still sent live, or kept in memory while the
// broker is away too; once there is space again, the state and the waiting events are written
// again, so even a crash then loses nothing.
TEST_F(StorageFaultsTest, AFullDiskLosesNothingAlreadySavedAndWritingResumesWithSpace) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root";
  PrivateTmpfs disk(state_dir(), "128k");
  if (!disk.error().empty()) GTEST_SKIP() << "cannot mount a tmpfs in a mount namespace: " << disk.error();
  const std::string seeded = serialize_persisted_state(earlier_state());
  std::ofstream(disk / "state.json") << seeded;
  broker_.start();
  Subscriber events(broker_.port(), {"chairhub/f1/event", "chairhub/f1/status"});
  ASSERT_TRUE(events.wait_subscribed());
  const auto cfg = config({}, /*away_first_s=*/12);  // no event for 6 s: time to fill the disk

  std::vector<std::string> first_run;  // the events the first run logged
  {
    Daemon daemon(cfg, notify_, log_path(), disk.enter());
    ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
    ASSERT_TRUE(events.wait_last("chairhub/f1/status", "online"));
    disk.fill();
    ASSERT_TRUE(logged().empty()) << "the disk was filled too late";

    // Full disk, broker up: events go out live although they cannot be kept.
    ASSERT_TRUE(wait_until([&] { return service_test::delivered_events(events.on("chairhub/f1/event")).size() >= 3; },
                           20s))
        << log();
    const std::string full = "No space left on device";
    EXPECT_NE(log().find("outbox " + (state_dir() / "mqtt-outbox.jsonl").string() + ": write failed (" + full),
              std::string::npos)
        << log();
    EXPECT_NE(log().find("cannot save state, keeping the last saved file and retrying: write " +
                         (state_dir() / "state.json.tmp").string() + ": " + full),
              std::string::npos)
        << log();
    EXPECT_EQ(read_text(disk / "state.json"), seeded);
    EXPECT_TRUE(daemon.alive());

    // Full disk, broker away: events wait in memory.
    broker_.stop();
    const auto before = logged().size();
    ASSERT_TRUE(wait_until([&] { return logged().size() >= before + 3; }, 20s)) << log();
    EXPECT_EQ(read_text(disk / "state.json"), seeded);
    EXPECT_TRUE(daemon.alive());
    // Said once each, not at every retry.
    EXPECT_EQ(service_test::count_of(log(), "cannot save state"), 1u) << log();
    EXPECT_EQ(service_test::count_of(log(), "events are kept in memory only"), 1u) << log();

    // Space again: the next event rewrites the outbox with everything waiting, the next save
    // writes the state, which still holds what was saved before the disk filled.
    disk.free_space();
    ASSERT_TRUE(wait_until([&] { return log().find("state saved again") != std::string::npos; }, 20s)) << log();
    ASSERT_TRUE(wait_until([&] { return log().find("writable again") != std::string::npos; }, 20s)) << log();
    const auto state = parse_persisted_state(read_text(disk / "state.json"));
    EXPECT_FALSE(state.nudges_enabled);
    if (state.day == earlier_state().day) {
      EXPECT_GT(state.day_sitting_s, 5000);
    }
    EXPECT_GE(outbox_events(disk / "mqtt-outbox.jsonl"), 3u);

    // A crash now: what the disk holds must be enough.
    daemon.signal(SIGKILL);
    daemon.wait(5s);
    first_run = logged();
  }
  const auto sent_live = events.on("chairhub/f1/event");
  broker_.start();
  Subscriber after(broker_.port(), {"chairhub/f1/event"});
  ASSERT_TRUE(after.wait_subscribed());
  Daemon again(cfg, notify_, log_path(), disk.enter());
  ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
  // Every event of the first run: sent live before, or from the outbox now.
  auto all_delivered = [&] {
    auto messages = sent_live;
    for (auto& m : after.on("chairhub/f1/event")) messages.push_back(std::move(m));
    return service_test::delivered_events(messages);
  };
  EXPECT_TRUE(wait_until([&] { return service_test::starts_with(all_delivered(), first_run); }, 20s)) << log();
}

// The daemon crashes while the disk is full and starts again on the still full disk: it runs,
// says it cannot write, sends every event its outbox file held, and keeps the record of what it
// announced to Home Assistant rather than replacing it with an empty file.
TEST_F(StorageFaultsTest, OnAFullDiskTheDaemonStartsAndSendsWhatItsOutboxHeld) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root";
  PrivateTmpfs disk(state_dir(), "128k");
  if (!disk.error().empty()) GTEST_SKIP() << "cannot mount a tmpfs in a mount namespace: " << disk.error();
  const std::string discovery_record = R"({"cmps":{},"topic":"homeassistant/device/f1/config"})" "\n";
  std::ofstream(disk / "mqtt-discovery.json") << discovery_record;
  const auto cfg = config();
  {
    Daemon daemon(cfg, notify_, log_path(), disk.enter());  // no broker yet: events wait on disk
    ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
    ASSERT_TRUE(wait_until([&] { return outbox_events(disk / "mqtt-outbox.jsonl") >= 3; }, 20s)) << log();
    disk.fill();
    daemon.signal(SIGKILL);
    daemon.wait(5s);
  }
  const auto waiting = outbox_event_keys(disk / "mqtt-outbox.jsonl");
  ASSERT_GE(waiting.size(), 3u);

  broker_.start();
  Subscriber events(broker_.port(), {"chairhub/f1/event"});
  ASSERT_TRUE(events.wait_subscribed());
  Daemon daemon(cfg, notify_, log_path(), disk.enter());
  ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
  EXPECT_TRUE(wait_until(
      [&] { return service_test::starts_with(service_test::delivered_events(events.on("chairhub/f1/event")), waiting); },
      20s))
      << log();
  EXPECT_NE(log().find("mqtt-outbox.jsonl: cannot rewrite (No space left on device)"), std::string::npos) << log();
  EXPECT_TRUE(wait_until([&] { return log().find("cannot save state") != std::string::npos; }, 10s)) << log();
  EXPECT_NE(log().find("mqtt-discovery.json: keeping the previous record"), std::string::npos) << log();
  EXPECT_EQ(read_text(disk / "mqtt-discovery.json"), discovery_record);
  EXPECT_TRUE(daemon.alive());
}

// Power cut between writing the temporary file and renaming it: the old state.json is intact
// beside a half-written state.json.tmp. The daemon takes the old one, without a warning, and
// the next save leaves no temporary file.
TEST_F(StorageFaultsTest, APowerCutBeforeTheRenameKeepsTheOldState) {
  const std::string seeded = serialize_persisted_state(earlier_state());
  std::ofstream(state_dir() / "state.json") << seeded;
  std::ofstream(state_dir() / "state.json.tmp") << seeded.substr(0, seeded.size() / 2);
  broker_.start();
  Daemon daemon(config(), notify_, log_path());
  ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
  ASSERT_TRUE(wait_until([&] { return !logged().empty(); }, 10s)) << log();  // seated: saved
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s), 0);
  EXPECT_EQ(log().find("unusable state file"), std::string::npos) << log();
  const auto state = parse_persisted_state(read_text(state_dir() / "state.json"));
  EXPECT_FALSE(state.nudges_enabled);
  if (state.day == earlier_state().day) {
    EXPECT_GT(state.day_sitting_s, 5000);
  }
  EXPECT_FALSE(std::filesystem::exists(state_dir() / "state.json.tmp"));
}

// A state file of zero length (a rename that reached the disk before the data, on a filesystem
// or device that does not keep the order): a warning naming the file, a fresh start, a good
// file at the next save. (A file cut short mid-JSON: DaemonTest.CorruptStateFile...)
TEST_F(StorageFaultsTest, AnEmptyStateFileGivesAWarningAndAFreshStart) {
  std::ofstream(state_dir() / "state.json").close();
  broker_.start();
  Daemon daemon(config(), notify_, log_path());
  ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
  ASSERT_TRUE(wait_until([&] { return !logged().empty(); }, 10s)) << log();
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s), 0);
  EXPECT_NE(log().find((state_dir() / "state.json").string() + ": unusable state file, starting afresh"),
            std::string::npos)
      << log();
  EXPECT_NO_THROW(parse_persisted_state(read_text(state_dir() / "state.json")));
}

// An outbox left by a crash mid-write (a torn last record) and with a damaged line in the middle:
// the intact records are delivered, in order, and the broken ones reported.
TEST_F(StorageFaultsTest, ABrokenOutboxStillDeliversItsIntactRecords) {
  std::vector<std::string> waiting;
  {
    std::ofstream out(state_dir() / "mqtt-outbox.jsonl");
    for (int i = 1; i <= 3; ++i) {
      const auto payload = nlohmann::json{{"type", "seated"}, {"t", i * 100.0}}.dump();
      waiting.push_back("seated@" + std::to_string(i * 100) + ".0");
      out << nlohmann::json{{"a", i}, {"p", payload}}.dump() << "\n";
      if (i == 2) out << "\x01\xff garbage\n";
    }
    out << R"({"a":4,"p":"{\"type\":\"stood_up\",\"t)";  // torn
  }
  broker_.start();
  Subscriber events(broker_.port(), {"chairhub/f1/event"});
  ASSERT_TRUE(events.wait_subscribed());
  Daemon daemon(config(), notify_, log_path());
  ASSERT_TRUE(notify_.wait_for("READY=1", 5s)) << log();
  EXPECT_TRUE(wait_until(
      [&] { return service_test::starts_with(service_test::delivered_events(events.on("chairhub/f1/event")), waiting); },
      10s))
      << log();
  EXPECT_NE(log().find("mqtt-outbox.jsonl: ignored 2 unreadable line(s)"), std::string::npos) << log();
  EXPECT_NE(log().find("outbox: 3 undelivered event(s) from the last run"), std::string::npos) << log();
}

}  // namespace
}  // namespace chairhub
