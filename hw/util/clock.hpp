#pragma once
// Time as the drivers see it. Real hardware uses the monotonic clock; tests and the software
// chip models use ManualClock so that every timing decision is deterministic.
#include <chrono>
#include <cstdint>

namespace chairhub::hw {

using Nanos = std::chrono::nanoseconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Nanos now() = 0;
  // Busy-waits: for the microsecond delays of a bit-bang, where sleeping would overshoot by the
  // kernel's timer slack (about 50 us) and power the HX711 down.
  virtual void delay(Nanos d) = 0;
  // Gives the processor away: for waits of a millisecond and more.
  virtual void sleep(Nanos d) = 0;
};

class SteadyClock final : public Clock {
 public:
  Nanos now() override;
  void delay(Nanos d) override;
  void sleep(Nanos d) override;
};

// Time moves only when told to: delay and sleep advance it, and so can a test (to model the
// kernel preempting the reader in the middle of a clock pulse).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Nanos start = Nanos{0}) : t_(start) {}
  Nanos now() override { return t_; }
  void delay(Nanos d) override { t_ += d; }
  void sleep(Nanos d) override { t_ += d; }
  void advance(Nanos d) { t_ += d; }

 private:
  Nanos t_;
};

inline double to_seconds(Nanos t) { return std::chrono::duration<double>(t).count(); }

}  // namespace chairhub::hw
