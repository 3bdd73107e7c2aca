#include "hw/util/clock.hpp"

#include <thread>

namespace chairhub::hw {

Nanos SteadyClock::now() {
  return std::chrono::duration_cast<Nanos>(std::chrono::steady_clock::now().time_since_epoch());
}

void SteadyClock::delay(Nanos d) {
  const auto end = now() + d;
  while (now() < end) {
  }
}

void SteadyClock::sleep(Nanos d) { std::this_thread::sleep_for(d); }

}  // namespace chairhub::hw
