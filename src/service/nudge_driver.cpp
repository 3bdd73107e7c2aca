#include "service/nudge_driver.hpp"

#include <ctime>

namespace chairhub {

int local_minute_of_day() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_hour * 60 + tm.tm_min;
}

NudgeDriver::NudgeDriver(const ServiceConfig& config, Indicator& indicator, std::function<int()> minute_of_day)
    : config_(config), indicator_(indicator), minute_of_day_(std::move(minute_of_day)) {}

void NudgeDriver::on_event(const Event& event) {
  const auto* nudge = std::get_if<Nudge>(&event.data);
  if (!nudge) return;
  const NudgeReason reason = nudge->reason;
  const auto last = last_.find(reason);
  const bool repeated = last != last_.end() && event.t - last->second <= config_.escalate_within_min * 60;
  last_[reason] = event.t;
  const bool quiet = config_.quiet_hours && config_.quiet_hours->contains(minute_of_day_());
  indicator_.show(reason, repeated && !quiet);
}

}  // namespace chairhub
