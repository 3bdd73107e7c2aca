#include "events/event.hpp"

#include <cmath>

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

double round_ms(double value) { return std::round(value * 1000.0) / 1000.0 + 0.0; }

Event::Event(EventType type_, double t_, nlohmann::ordered_json fields_)
    : type(type_), t(t_), fields(std::move(fields_)) {}

nlohmann::ordered_json Event::to_json() const {
  nlohmann::ordered_json j = {{"type", to_string(type)}, {"t", round_ms(t)}};
  for (const auto& [key, value] : fields.items()) j[key] = value;
  return j;
}

}  // namespace chairhub
