#pragma once
// Real-time priority for the sensor reader thread, when the service may have it: SCHED_FIFO
// keeps the kernel from preempting a clock pulse, mlockall keeps page faults out of it.
// Everything works without; the HX711 driver then discards the reads that were disturbed.
#include <string>

namespace chairhub::hw {

// Applies to the calling thread. Returns an empty string on success, else why not (e.g. no
// CAP_SYS_NICE / LimitRTPRIO); the memory lock is tried even when the priority is refused.
std::string enable_realtime(int priority);

}  // namespace chairhub::hw
