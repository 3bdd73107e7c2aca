#include "events/event.hpp"

namespace chairhub {

std::string_view to_string(EventType type) {
  switch (type) {
    case EventType::seated: return "seated";
    case EventType::stood_up: return "stood_up";
    case EventType::posture: return "posture";
    case EventType::feet: return "feet";
    case EventType::break_due: return "break_due";
    case EventType::break_taken: return "break_taken";
    case EventType::nudge: return "nudge";
    case EventType::sensor_fault: return "sensor_fault";
    case EventType::sensor_ok: return "sensor_ok";
    case EventType::baseline: return "baseline";
  }
  return "?";
}

std::string_view to_string(BaselineSource source) {
  switch (source) {
    case BaselineSource::window: return "window";
    case BaselineSource::auto_learnt: return "auto";
    case BaselineSource::set: return "set";
  }
  return "?";
}

}  // namespace chairhub
