#include "hw/util/realtime.hpp"

#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>

#include <cstring>

namespace chairhub::hw {

std::string enable_realtime(int priority) {
  std::string problems;
  sched_param param{};
  param.sched_priority = priority;
  if (const int err = pthread_setschedparam(pthread_self(), SCHED_FIFO, &param); err != 0) {
    problems = "SCHED_FIFO priority " + std::to_string(priority) + " refused: " + std::strerror(err);
  }
  if (mlockall(MCL_CURRENT | MCL_FUTURE) != 0) {
    const std::string why = std::strerror(errno);
    problems += (problems.empty() ? "" : "; ") + std::string("mlockall refused: ") + why;
  }
  return problems;
}

}  // namespace chairhub::hw
