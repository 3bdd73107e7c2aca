#pragma once
// What the storage and broker fault tests share: a sitter who stands up and sits down every few
// seconds (so events keep coming), a config for chairhubd on it, the events the daemon logged
// and those a subscriber got, and a watch on the daemon's log that notes when lines appeared.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/broker_harness.hpp"
#include "support/daemon_harness.hpp"

namespace chairhub::service_test {

// Sits for 4 s, away for 4 s, over and over (after `away_first_s` away): `seated` and
// `stood_up` every few seconds, each also saving the state. At speed 2 in the config below.
inline std::string restless_scenario(int away_first_s = 2) {
  std::ostringstream s;
  s << "[sitter]\nmass_kg = 74\nseed = 3\n[log]\nrate_hz = 10\nunits = \"calibrated\"\n"
    << "[[step]]\nposture = \"away\"\nseconds = " << away_first_s << "\n";
  for (int i = 0; i < 200; ++i) s << "[[step]]\nposture = \"upright\"\nseconds = 4\n[[step]]\nposture = \"away\"\nseconds = 4\n";
  return s.str();
}

// chairhubd on the restless sitter at twice real time, chair id "f1"; `mqtt` adds [mqtt] keys.
inline std::filesystem::path write_fault_config(const std::filesystem::path& dir, int broker_port,
                                                const std::string& mqtt = {}, int away_first_s = 2) {
  std::ofstream(dir / "restless.toml") << restless_scenario(away_first_s);
  auto path = dir / "chairhub.toml";
  std::ofstream(path) << "[service]\nsource = \"simulated\"\nspeed = 2\nscenario = \"restless.toml\"\nstate_dir = \""
                      << (dir / "state").string() << "\"\n"
                      << "[mqtt]\nhost = \"127.0.0.1\"\nport = " << broker_port << "\nchair_id = \"f1\"\n"
                      << mqtt;
  return path;
}

inline std::string event_key(const nlohmann::json& e) { return e.value("type", "?") + "@" + e["t"].dump(); }

// The events a daemon logged, as "type@t", in order.
inline std::vector<std::string> logged_event_keys(const std::filesystem::path& log) {
  std::vector<std::string> out;
  for (const auto& e : logged_events(log))
    if (e.is_object() && e.contains("type") && e.contains("t")) out.push_back(event_key(e));
  return out;
}

// The events a subscriber got, as "type@t", in order; a message received twice (delivery is at
// least once: the same payload, `ts` and all) counts once.
inline std::vector<std::string> delivered_events(const std::vector<mqtt::test::Subscriber::Message>& messages) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& m : messages) {
    if (!seen.insert(m.payload).second) continue;
    const auto e = nlohmann::json::parse(m.payload, nullptr, false);
    if (e.is_object()) out.push_back(event_key(e));
  }
  return out;
}

inline bool starts_with(const std::vector<std::string>& all, const std::vector<std::string>& prefix) {
  return all.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), all.begin());
}

inline std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Follows a log file and notes when each new line showed up (polled every 20 ms), for the
// spacing of reconnect attempts.
class LogWatch {
 public:
  struct Line {
    std::chrono::steady_clock::time_point at;
    std::string text;
  };
  explicit LogWatch(std::filesystem::path path) : path_(std::move(path)) {
    thread_ = std::thread([this] {
      std::size_t offset = 0;
      std::string partial;
      while (!quit_) {
        std::ifstream in(path_);
        in.seekg(static_cast<std::streamoff>(offset));
        std::string chunk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        offset += chunk.size();
        partial += chunk;
        const auto now = std::chrono::steady_clock::now();
        for (auto nl = partial.find('\n'); nl != std::string::npos; nl = partial.find('\n')) {
          std::lock_guard lock(mutex_);
          lines_.push_back({now, partial.substr(0, nl)});
          partial.erase(0, nl + 1);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    });
  }
  ~LogWatch() {
    quit_ = true;
    thread_.join();
  }
  LogWatch(const LogWatch&) = delete;
  LogWatch& operator=(const LogWatch&) = delete;

  // The lines containing `part`, from `since` on.
  std::vector<Line> matching(const std::string& part,
                             std::chrono::steady_clock::time_point since = {}) const {
    std::lock_guard lock(mutex_);
    std::vector<Line> out;
    for (const auto& l : lines_)
      if (l.at >= since && l.text.find(part) != std::string::npos) out.push_back(l);
    return out;
  }

 private:
  std::filesystem::path path_;
  mutable std::mutex mutex_;
  std::vector<Line> lines_;
  std::atomic<bool> quit_{false};
  std::thread thread_;
};

}  // namespace chairhub::service_test
