#pragma once
// Time outside the analysis: the monotonic clock that stamps live samples, and playing sample
// time at a chosen speed (replay, the daemon's log and simulated sources). The analysis itself
// never reads a clock.
#include <atomic>
#include <string>

namespace chairhub {

// Seconds on the monotonic clock: the time base of live samples.
double monotonic_seconds();
// Wall-clock seconds since 1970 (UTC): what is kept across restarts and in the history.
double wall_seconds();
// The local date of a wall time, "YYYY-MM-DD".
std::string local_date(double wall);
// Now, as 2024-05-01T09:30:00Z: when a log, a calibration or a posture model was made.
std::string utc_timestamp();

// Plays sample time against the monotonic clock: speed 1 is real time, 60 a minute a second,
// 0 as fast as possible. The first sample time it is given is due at once.
class Pacer {
 public:
  explicit Pacer(double speed) : speed_(speed) {}

  // Waits until sample time `t` is due; false if stop() came first.
  bool wait_until(double t);
  // Makes a waiting (or later) wait_until() return false within 50 ms; from any thread.
  void stop() { stopped_ = true; }

 private:
  double speed_;
  std::atomic<bool> stopped_{false};
  // A flag rather than std::optional: GCC 12 warns (wrongly) that an optional's value may be
  // read uninitialised here once this is inlined.
  bool started_ = false;
  double first_t_ = 0;
  double start_s_ = 0;  // monotonic time of the first sample
};

}  // namespace chairhub
