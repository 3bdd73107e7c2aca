#include "events/event_json.hpp"

#include <cmath>

namespace chairhub {

using nlohmann::ordered_json;

double round_ms(double value) { return std::round(value * 1000.0) / 1000.0 + 0.0; }

namespace {

// Each type's own fields, in their published order.
void add_fields(ordered_json&, const Seated&) {}
void add_fields(ordered_json&, const StoodUp&) {}

void add_fields(ordered_json& j, const PostureChange& e) {
  j["posture"] = to_string(e.posture);
  j["previous"] = e.previous ? ordered_json(to_string(*e.previous)) : ordered_json(nullptr);
}

void add_fields(ordered_json& j, const FeetChange& e) { j["flat"] = e.flat; }

void add_fields(ordered_json& j, const BreakDue& e) {
  j["sitting_s"] = round_ms(e.sitting_s);
  j["session_s"] = round_ms(e.session_s);
  if (!e.movement.name.empty()) {
    j["movement"] = e.movement.name;
    j["how"] = e.movement.how;
  }
  j["advice"] = BreakDue::kAdvice;
}

void add_fields(ordered_json& j, const BreakTaken& e) {
  j["away_s"] = round_ms(e.away_s);
  j["sitting_s"] = round_ms(e.sitting_s);
}

void add_fields(ordered_json& j, const Nudge& e) {
  j["reason"] = to_string(e.reason);
  j["message"] = e.message;
  if (e.posture) j["posture"] = to_string(*e.posture);
}

void add_fields(ordered_json& j, const SensorFault& e) {
  j["channel"] = e.channel;
  j["fault"] = to_string(e.fault);
}

void add_fields(ordered_json& j, const SensorOk& e) { j["channel"] = e.channel; }

void add_fields(ordered_json& j, const BaselineUpdate& e) {
  j["source"] = to_string(e.source);
  if (!e.baseline) {
    j["error"] = e.error;
    return;
  }
  j["cop_x"] = round_ms(e.baseline->cop_x);
  j["cop_y"] = round_ms(e.baseline->cop_y);
  if (e.baseline->lumbar) j["lumbar"] = round_ms(*e.baseline->lumbar);
}

}  // namespace

ordered_json to_json(const Event& event) {
  ordered_json j = {{"type", to_string(event.type())}, {"t", round_ms(event.t)}};
  std::visit([&j](const auto& e) { add_fields(j, e); }, event.data);
  return j;
}

}  // namespace chairhub
