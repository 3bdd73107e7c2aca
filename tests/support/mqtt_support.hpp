#pragma once
// Helpers shared by the MQTT tests: a scratch directory, a log catcher, a fake link.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "mqtt/link.hpp"
#include "core/log.hpp"
#include "support/temp_dir.hpp"

namespace chairhub::mqtt::test {

// The whole of a file (a daemon's log, a state file), or "" if it cannot be read.
inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

using TempDir = testing_support::TempDir;  // one home: support/temp_dir.hpp

// The connection logs from its network thread while a test reads: hence the lock. Read
// `lines` directly only once nothing runs any more.
struct LogCatcher {
  std::vector<std::pair<LogLevel, std::string>> lines;
  mutable std::mutex mutex;
  Logger logger() {
    return [this](LogLevel level, std::string_view text) {
      std::lock_guard lock(mutex);
      lines.emplace_back(level, std::string(text));
    };
  }
  bool has(std::string_view part) const {
    std::lock_guard lock(mutex);
    for (const auto& [level, text] : lines)
      if (text.find(part) != std::string::npos) return true;
    return false;
  }
  std::size_t size() const {
    std::lock_guard lock(mutex);
    return lines.size();
  }
  // Every line so far, for a failing check's message.
  std::string text() const {
    std::lock_guard lock(mutex);
    std::string all;
    for (const auto& [level, line] : lines) all += line + "\n";
    return all;
  }
};

struct FakeLink : Link {
  struct Message {
    std::string topic, payload;
    int qos;
    bool retain;
    int mid;
  };
  bool up = true;
  int next_mid = 1;
  std::vector<Message> sent;

  std::optional<int> publish(const std::string& topic, const std::string& payload, int qos, bool retain) override {
    sent.push_back({topic, payload, qos, retain, next_mid});
    return next_mid++;
  }
  bool connected() const override { return up; }
  std::vector<Message> on(const std::string& topic) const {
    std::vector<Message> out;
    for (const auto& m : sent)
      if (m.topic == topic) out.push_back(m);
    return out;
  }
};

}  // namespace chairhub::mqtt::test
