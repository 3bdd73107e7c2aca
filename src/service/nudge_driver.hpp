#pragma once
// Turns nudge events into light and sound. A nudge escalates gently: the light alone first;
// the buzzer joins only when the same nudge comes again within a while (the sitter did not
// respond), and never during quiet hours.
#include <functional>
#include <map>
#include <optional>

#include "events/event.hpp"
#include "service/service_config.hpp"

namespace chairhub {

// Where a nudge is shown: the LED and buzzer, or a log line on a machine without them.
class Indicator {
 public:
  virtual ~Indicator() = default;
  virtual void show(NudgeReason reason, bool sound) = 0;
};

// Minutes since local midnight, now.
int local_minute_of_day();

class NudgeDriver : public EventSink {
 public:
  // `minute_of_day` gives the local time, for quiet hours.
  NudgeDriver(const ServiceConfig& config, Indicator& indicator,
              std::function<int()> minute_of_day = local_minute_of_day);
  void on_event(const Event& event) override;

 private:
  const ServiceConfig& config_;
  Indicator& indicator_;
  std::function<int()> minute_of_day_;
  std::map<NudgeReason, double> last_;  // reason -> t of its last nudge
};

}  // namespace chairhub
