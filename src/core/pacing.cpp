#include "core/pacing.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>

namespace chairhub {

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string local_date(double wall) {
  const auto t = static_cast<std::time_t>(wall);
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool Pacer::wait_until(double t) {
  if (stopped_) return false;
  if (speed_ <= 0) return true;
  if (!started_) {
    started_ = true;
    first_t_ = t;
    start_s_ = monotonic_seconds();
    return true;
  }
  const double due = start_s_ + (t - first_t_) / speed_;
  // Short naps, so that stop() is noticed soon.
  while (!stopped_) {
    const double left = due - monotonic_seconds();
    if (left <= 0) return true;
    std::this_thread::sleep_for(std::chrono::duration<double>(std::min(left, 0.05)));
  }
  return false;
}

}  // namespace chairhub
