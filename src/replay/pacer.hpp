#pragma once
// Replays sample time at a chosen speed against the wall clock: 1 is real time, 60 a minute per
// second, 0 as fast as possible. Only pacing touches the clock; the analysis never does.
#include <chrono>
#include <thread>

namespace chairhub {

class Pacer {
 public:
  explicit Pacer(double speed) : speed_(speed) {}

  // Waits until sample time t is due.
  void wait_until(double t) {
    if (speed_ <= 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (!started_) {
      started_ = true;
      origin_ = t;
      start_ = now;
      return;
    }
    const auto due = start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                  std::chrono::duration<double>((t - origin_) / speed_));
    if (due > now) std::this_thread::sleep_until(due);
  }

 private:
  double speed_;
  // A flag rather than std::optional: GCC 12 warns (wrongly) that an optional's value may be
  // read uninitialised here once this is inlined.
  bool started_ = false;
  double origin_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace chairhub
