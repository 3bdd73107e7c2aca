#include "events/event_text.hpp"

#include <cmath>
#include <cstdio>
#include <variant>

namespace chairhub {
namespace {

std::string minutes(double seconds) { return std::to_string(std::llround(seconds / 60)) + " min"; }

std::string what(const Seated&) { return "someone sat down"; }
std::string what(const StoodUp&) { return "the chair is empty"; }
std::string what(const PostureChange& e) {
  return std::string(to_string(e.posture)) + (e.previous ? ", was " + std::string(to_string(*e.previous)) : "");
}
std::string what(const FeetChange& e) { return e.flat ? "flat on the floor" : "not flat"; }
std::string what(const BreakDue& e) {
  std::string text = "after " + minutes(e.sitting_s) + " of sitting";
  if (!e.movement.name.empty()) text += ": try a " + e.movement.name + ". " + e.movement.how;
  return text;
}
std::string what(const BreakTaken& e) { return minutes(e.away_s) + " away after " + minutes(e.sitting_s) + " of sitting"; }
std::string what(const Nudge& e) { return std::string(to_string(e.reason)) + ": " + std::string(e.message); }
std::string what(const SensorFault& e) { return e.channel + " " + std::string(to_string(e.fault)); }
std::string what(const SensorOk& e) { return e.channel + " reads well again"; }
std::string what(const BaselineUpdate& e) {
  if (!e.baseline) return std::string(to_string(e.source)) + ": " + std::string(e.error);
  return "upright baseline taken (" + std::string(to_string(e.source)) + ")";
}

}  // namespace

std::string describe(const Event& event) {
  char type[16];
  std::snprintf(type, sizeof type, "%-13s", std::string(to_string(event.type())).c_str());
  return type + std::visit([](const auto& e) { return what(e); }, event.data);
}

}  // namespace chairhub
