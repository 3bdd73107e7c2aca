#pragma once
// A real mosquitto broker for the tests: its own generated config, a free port on 127.0.0.1
// only, persistence in a scratch directory (so a stop/start keeps sessions, like a real
// broker restart), stopped with SIGTERM. Plus a small subscribing client and a child-process
// helper.
#include <fcntl.h>
#include <mosquitto.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/mqtt_support.hpp"

extern char** environ;

namespace chairhub::mqtt::test {

using Clock = std::chrono::steady_clock;

// Polls `pred` until true or the deadline; returns its last value.
inline bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout,
                       std::chrono::milliseconds step = std::chrono::milliseconds(5)) {
  const auto deadline = Clock::now() + timeout;
  while (!pred()) {
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(step);
  }
  return true;
}

inline int free_loopback_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
  ::close(fd);
  if (!bound) throw std::runtime_error("no free port on 127.0.0.1");
  return ntohs(addr.sin_port);
}

inline bool port_open(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

// A child process; killed (SIGKILL) if still running when destroyed.
class Child {
 public:
  Child() = default;
  Child(const std::vector<std::string>& argv, bool capture_stdout, bool quiet_stderr = false) {
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (quiet_stderr) posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    int fds[2] = {-1, -1};
    if (capture_stdout) {
      if (::pipe(fds) != 0) throw std::runtime_error("pipe");
      posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
      posix_spawn_file_actions_addclose(&actions, fds[0]);
    }
    const int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (capture_stdout) {
      ::close(fds[1]);
      out_ = fds[0];
    }
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
  }
  ~Child() {
    kill(SIGKILL);
    wait(std::chrono::milliseconds(5000));
    if (out_ >= 0) ::close(out_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  void kill(int sig) {
    if (pid_ > 0) ::kill(pid_, sig);
  }
  // True when it exited within the timeout.
  bool wait(std::chrono::milliseconds timeout) {
    if (pid_ <= 0) return true;
    return wait_until(
        [this] {
          int status = 0;
          if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return true;
          }
          return false;
        },
        timeout);
  }
  // Reads stdout until a line equal to `line` shows up.
  bool wait_for_line(const std::string& line, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      for (auto pos = buffer_.find('\n'); pos != std::string::npos; pos = buffer_.find('\n')) {
        const std::string got = buffer_.substr(0, pos);
        buffer_.erase(0, pos + 1);
        if (got == line) return true;
      }
      pollfd p{out_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (::poll(&p, 1, static_cast<int>(std::max<long long>(1, left))) <= 0) continue;
      char buf[512];
      const ssize_t n = ::read(out_, buf, sizeof buf);
      if (n <= 0) return false;
      buffer_.append(buf, static_cast<std::size_t>(n));
    }
    return false;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string buffer_;
};

class Broker {
 public:
  // `extra`: more mosquitto.conf lines; `anonymous`: whether clients may connect without a user.
  explicit Broker(const std::string& extra = {}, bool anonymous = true) : port_(free_loopback_port()) {
    const auto conf = dir_.path() / "mosquitto.conf";
    std::ofstream out(conf);
    out << "listener " << port_ << " 127.0.0.1\n"
        << "allow_anonymous " << (anonymous ? "true" : "false") << "\n"
        << "persistence true\n"
        << "persistence_location " << dir_.path().string() << "/\n"
        << "autosave_interval 1\n"
        << "log_dest file " << (dir_.path() / "mosquitto.log").string() << "\n"
        << "log_type all\n";
    if (::geteuid() == 0) out << "user root\n";  // otherwise it drops to "mosquitto", which cannot write here
    // "@DIR@" in `extra` stands for the broker's scratch directory
    std::string lines = extra;
    for (auto at = lines.find("@DIR@"); at != std::string::npos; at = lines.find("@DIR@"))
      lines.replace(at, 5, dir_.path().string());
    out << lines;
    conf_ = conf.string();
  }
  ~Broker() { stop(); }

  static bool available() { return ::access(CHAIRHUB_MOSQUITTO, X_OK) == 0; }

  void start() {
    child_ = std::make_unique<Child>(std::vector<std::string>{CHAIRHUB_MOSQUITTO, "-c", conf_}, false, true);
    if (!wait_until([this] { return port_open(port_); }, std::chrono::milliseconds(10000)))
      throw std::runtime_error("mosquitto did not start; see " + (dir_.path() / "mosquitto.log").string());
  }
  // SIGTERM: mosquitto saves its persistence file and exits.
  void stop() {
    if (!child_) return;
    child_->kill(SIGTERM);
    child_->wait(std::chrono::milliseconds(10000));
    child_.reset();
  }
#ifdef CHAIRHUB_MOSQUITTO_PASSWD
  // Adds a user to @DIR@/passwd (for "password_file @DIR@/passwd"); before start().
  void add_user(const std::string& user, const std::string& password) {
    const auto passwd = (dir_.path() / "passwd").string();
    std::ofstream(passwd, std::ios::app).close();  // mosquitto_passwd -b wants an existing file
    Child tool({CHAIRHUB_MOSQUITTO_PASSWD, "-b", passwd, user, password}, false, true);
    if (!tool.wait(std::chrono::milliseconds(10000))) throw std::runtime_error("mosquitto_passwd hangs");
  }
  static bool passwd_available() { return ::access(CHAIRHUB_MOSQUITTO_PASSWD, X_OK) == 0; }
#endif
  int port() const { return port_; }
  const std::filesystem::path& dir() const { return dir_.path(); }
  std::string log_text() const {
    std::ifstream in(dir_.path() / "mosquitto.log");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  TempDir dir_;
  int port_;
  std::string conf_;
  std::unique_ptr<Child> child_;
};

// A subscriber with libmosquitto's own thread; collects messages.
class Subscriber {
 public:
  struct Message {
    std::string topic, payload;
    bool retain;
  };

  Subscriber(int port, std::vector<std::string> filters, const std::string& client_id = {}, bool clean = true,
             const std::string& username = {}, const std::string& password = {})
      : filters_(std::move(filters)) {
    mosquitto_lib_init();
    mosq_ = mosquitto_new(client_id.empty() ? nullptr : client_id.c_str(), clean, this);
    if (!username.empty()) mosquitto_username_pw_set(mosq_, username.c_str(), password.c_str());
    mosquitto_reconnect_delay_set(mosq_, 1, 1, false);
    mosquitto_connect_callback_set(mosq_, [](mosquitto* m, void* obj, int rc) {
      auto* self = static_cast<Subscriber*>(obj);
      if (rc != 0) return;
      for (const auto& f : self->filters_) mosquitto_subscribe(m, nullptr, f.c_str(), 1);
      std::lock_guard lock(self->mutex_);
      ++self->connects_;
    });
    mosquitto_subscribe_callback_set(mosq_, [](mosquitto*, void* obj, int, int, const int*) {
      auto* self = static_cast<Subscriber*>(obj);
      std::lock_guard lock(self->mutex_);
      ++self->subacks_;
    });
    mosquitto_message_callback_set(mosq_, [](mosquitto*, void* obj, const mosquitto_message* msg) {
      auto* self = static_cast<Subscriber*>(obj);
      std::lock_guard lock(self->mutex_);
      self->messages_.push_back({msg->topic, std::string(static_cast<const char*>(msg->payload),
                                                         static_cast<std::size_t>(msg->payloadlen)),
                                 msg->retain});
    });
    mosquitto_connect_async(mosq_, "127.0.0.1", port, 10);
    mosquitto_loop_start(mosq_);
  }
  ~Subscriber() {
    mosquitto_disconnect(mosq_);
    mosquitto_loop_stop(mosq_, false);
    mosquitto_destroy(mosq_);
  }

  // Connected and every filter acknowledged.
  bool wait_subscribed(std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
    return wait_until([this] {
      std::lock_guard lock(mutex_);
      return subacks_ >= filters_.size();
    }, timeout);
  }
  void publish(const std::string& topic, const std::string& payload, bool retain = false) {
    mosquitto_publish(mosq_, nullptr, topic.c_str(), static_cast<int>(payload.size()), payload.data(), 1, retain);
  }
  std::vector<Message> on(const std::string& topic) const {
    std::lock_guard lock(mutex_);
    std::vector<Message> out;
    for (const auto& m : messages_)
      if (m.topic == topic) out.push_back(m);
    return out;
  }
  // Every message so far, in arrival order.
  std::vector<Message> all() const {
    std::lock_guard lock(mutex_);
    return messages_;
  }
  bool wait_for(const std::string& topic, const std::function<bool(const std::vector<Message>&)>& pred,
                std::chrono::milliseconds timeout = std::chrono::milliseconds(10000)) {
    return wait_until([&] { return pred(on(topic)); }, timeout);
  }
  // The last payload on `topic` equals `payload`.
  bool wait_last(const std::string& topic, const std::string& payload,
                 std::chrono::milliseconds timeout = std::chrono::milliseconds(10000)) {
    return wait_for(topic, [&](const auto& ms) { return !ms.empty() && ms.back().payload == payload; }, timeout);
  }

 private:
  std::vector<std::string> filters_;
  mosquitto* mosq_ = nullptr;
  mutable std::mutex mutex_;
  std::vector<Message> messages_;
  std::size_t connects_ = 0;
  std::size_t subacks_ = 0;
};

}  // namespace chairhub::mqtt::test
