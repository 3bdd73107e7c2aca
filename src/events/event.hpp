#pragma once
// The events the analysis raises. Their JSON form is a public contract: it is what `replay`
// prints and what MQTT publishes. Fields may be added; names are never changed.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace chairhub {

enum class EventType {
  seated,
  stood_up,
  posture,
  feet,
  break_due,
  break_taken,
  nudge,
  sensor_fault,
  sensor_ok,
  baseline,  // the sitter's upright baseline was learnt (or could not be)
};

std::string_view to_string(EventType type);

struct Event {
  EventType type;
  double t = 0;           // seconds on the sample time base
  nlohmann::ordered_json fields;  // the type's own fields, an object

  Event(EventType type_, double t_, nlohmann::ordered_json fields_ = nlohmann::ordered_json::object());

  // {"type": ..., "t": ..., fields...}: times and durations rounded to milliseconds.
  nlohmann::ordered_json to_json() const;
};

// Rounded to three decimals (seconds to milliseconds), so outputs stay short and stable across
// platforms; never "-0".
double round_ms(double value);

// Anything that consumes events: stdout, MQTT, the LED and buzzer.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on_event(const Event& event) = 0;
};

// Drops every event: for runs that want only the analysis's state or timing.
class NullSink : public EventSink {
 public:
  void on_event(const Event&) override {}
};

}  // namespace chairhub
