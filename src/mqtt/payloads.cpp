#include "mqtt/payloads.hpp"

#include <chrono>
#include <cmath>

namespace chairhub::mqtt {

namespace {

using nlohmann::ordered_json;

double round_to(double value, double step) { return std::round(value / step) * step; }

ordered_json percent_or_null(const std::optional<double>& share) {
  if (!share) return nullptr;
  return round_to(*share * 100.0, 0.1);
}

template <class T>
ordered_json or_null(const std::optional<T>& value) {
  if (!value) return nullptr;
  return *value;
}

WallTime wall_at(WallTime now, double now_t, double t) {
  const auto delta = std::chrono::duration<double>(t - now_t);
  return now + std::chrono::duration_cast<std::chrono::system_clock::duration>(delta);
}

}  // namespace

ordered_json state_payload(const ChairState& state, const ControlState& control, WallTime now,
                           const StatePayloadOptions& options, const std::optional<std::string>& hardware_problem) {
  ordered_json j;
  j["occupied"] = state.occupied;
  j["posture"] = state.posture ? ordered_json(std::string(to_string(*state.posture))) : ordered_json(nullptr);
  j["feet_flat"] = or_null(state.feet_flat);
  j["session_start"] =
      state.session_start ? ordered_json(iso8601_utc(wall_at(now, state.t, *state.session_start))) : ordered_json(nullptr);
  j["sitting_s"] = std::lround(state.sitting_s);
  j["since_break_s"] = state.since_break_s ? ordered_json(std::lround(*state.since_break_s)) : ordered_json(nullptr);
  j["break_due"] = state.break_due;
  j["left_pct"] = percent_or_null(state.left_share);
  j["front_pct"] = percent_or_null(state.front_share);
  j["lumbar"] = state.lumbar ? ordered_json(round_to(*state.lumbar, 0.01)) : ordered_json(nullptr);
  j["lumbar_contact"] = or_null(state.lumbar_contact);
  j["nudges"] = control.nudges_enabled;
  j["snoozed_until"] = control.snoozed_until ? ordered_json(iso8601_utc(*control.snoozed_until)) : ordered_json(nullptr);
  if (options.publish_weight) j["seat_kg"] = round_to(state.seat_kg, 0.1);

  ordered_json faults = ordered_json::object();
  for (const auto& channel : state.channels) {
    if (channel.fault) faults[channel.channel] = to_string(*channel.fault);
  }
  j["health"] = {
      {"ok", faults.empty() && !hardware_problem}, {"faults", faults}, {"hardware", or_null(hardware_problem)}};
  return j;
}

ordered_json state_significant_part(const ordered_json& state) {
  ordered_json j = state;
  j.erase("sitting_s");
  j.erase("since_break_s");
  // shares and lumbar wobble with every sample; they are refreshed by the periodic publish
  j.erase("left_pct");
  j.erase("front_pct");
  j.erase("lumbar");
  j.erase("seat_kg");
  return j;
}

ordered_json event_payload(const Event& event, WallTime raised_at) {
  ordered_json j = to_json(event);
  j["ts"] = iso8601_utc(raised_at);
  return j;
}

}  // namespace chairhub::mqtt
