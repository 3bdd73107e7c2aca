#pragma once
// chairhubd as a child process for the end-to-end tests: a notify socket standing in for
// systemd, and the daemon started with systemd's environment. Shared by daemon_test.cpp and
// daemon_commands_test.cpp.
#include <fcntl.h>
#include <sys/stat.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/broker_harness.hpp"

namespace chairhub::service_test {

// What systemd would hear: datagrams on $NOTIFY_SOCKET, drained at once as systemd does (a
// full socket would block the daemon's sd_notify).
class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path) : path_(path) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throw std::runtime_error("bind notify socket");
    reader_ = std::thread([this] {
      char buf[4096];
      while (!quit_) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) continue;
        std::lock_guard lock(mutex_);
        messages_.emplace_back(buf, static_cast<std::size_t>(n));
      }
    });
  }
  ~NotifySocket() {
    quit_ = true;
    reader_.join();
    ::close(fd_);
  }
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

  // Waits for a datagram, after the last one matched, that contains `line` (e.g. "READY=1").
  bool wait_for(const std::string& line, std::chrono::milliseconds timeout) {
    return wait_for_line([&](const std::string& l) { return l == line; }, timeout).has_value();
  }
  // The same for a line that starts with `prefix` (e.g. "STATUS="); returns the whole line.
  std::optional<std::string> wait_for_prefix(const std::string& prefix, std::chrono::milliseconds timeout) {
    return wait_for_line([&](const std::string& l) { return l.rfind(prefix, 0) == 0; }, timeout);
  }
  // How many datagrams so far contained `line` (e.g. "WATCHDOG=1").
  std::size_t count(const std::string& line) const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& m : messages_)
      if (("\n" + m + "\n").find("\n" + line + "\n") != std::string::npos) ++n;
    return n;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::optional<std::string> wait_for_line(const std::function<bool(const std::string&)>& match,
                                           std::chrono::milliseconds timeout) {
    std::optional<std::string> found;
    mqtt::test::wait_until(
        [&] {
          std::lock_guard lock(mutex_);
          for (; seen_ < messages_.size(); ++seen_) {
            std::istringstream lines(messages_[seen_]);
            for (std::string line; std::getline(lines, line);) {
              if (!match(line)) continue;
              found = line;
              ++seen_;
              return true;
            }
          }
          return false;
        },
        timeout);
    return found;
  }

  std::filesystem::path path_;
  int fd_ = -1;
  mutable std::mutex mutex_;
  std::vector<std::string> messages_;
  std::size_t seen_ = 0;
  std::atomic<bool> quit_{false};
  std::thread reader_;
};

// chairhubd as a child process with systemd's environment; its stderr (the journal lines)
// goes to `log`. Killed (SIGKILL) if still running when destroyed. `in_child` runs in the
// forked child just before exec (e.g. to enter a mount namespace): async-signal-safe calls only.
class Daemon {
 public:
  Daemon(const std::filesystem::path& config, const NotifySocket& notify, const std::filesystem::path& log,
         const std::function<void()>& in_child = {}) {
    pid_ = ::fork();
    if (pid_ == 0) {
      if (in_child) in_child();
      ::setenv("NOTIFY_SOCKET", notify.path().c_str(), 1);
      ::setenv("WATCHDOG_USEC", "400000", 1);
      ::unsetenv("WATCHDOG_PID");
      const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      ::dup2(err, STDERR_FILENO);
      // systemd says which stream is the journal's; the daemon writes "<N>" prefixes only there
      struct stat st {};
      ::fstat(err, &st);
      char stream[64];
      std::snprintf(stream, sizeof stream, "%llu:%llu", static_cast<unsigned long long>(st.st_dev),
                    static_cast<unsigned long long>(st.st_ino));
      ::setenv("JOURNAL_STREAM", stream, 1);
      ::execl(CHAIRHUBD, CHAIRHUBD, "--config", config.c_str(), "--log-level", "info", nullptr);
      ::_exit(127);
    }
  }
  ~Daemon() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  void signal(int sig) { ::kill(pid_, sig); }
  // The exit status, or -1 if it did not exit in time.
  int wait(std::chrono::milliseconds timeout) {
    int status = 0;
    if (!mqtt::test::wait_until([&] { return ::waitpid(pid_, &status, WNOHANG) == pid_; }, timeout)) return -1;
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  // Still running: not exited (a zombie that has exited but is not yet reaped does not count).
  bool alive() const {
    if (pid_ <= 0) return false;
    siginfo_t info{};
    if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return false;
    return info.si_pid == 0;
  }
  pid_t pid() const { return pid_; }
  // CPU time used so far (user + system, all threads), from /proc/<pid>/stat.
  double cpu_seconds() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto after_name = text.rfind(')');  // the name in parentheses may hold spaces
    if (after_name == std::string::npos) return -1;
    std::istringstream fields(text.substr(after_name + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i)  // utime and stime are fields 14 and 15
      if (i >= 14) ticks += std::stod(field);
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
  }

 private:
  pid_t pid_ = -1;
};

using mqtt::test::read_text;

// The events in a daemon's log: it writes each as a journal line at info, "<6>{...}".
inline std::vector<nlohmann::json> logged_events(const std::filesystem::path& log) {
  std::vector<nlohmann::json> out;
  std::istringstream lines(read_text(log));
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("<6>{", 0) == 0) out.push_back(nlohmann::json::parse(line.substr(3), nullptr, false));
  return out;
}

}  // namespace chairhub::service_test
