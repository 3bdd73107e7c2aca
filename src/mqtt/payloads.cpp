#include "mqtt/payloads.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace chairhub::mqtt {

namespace {

using nlohmann::ordered_json;

// To `decimals` places; dividing (not multiplying by 0.1) gives the double nearest the decimal,
// so it prints as 52.3 rather than 52.300000000000004.
double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

// A 0..1 fraction as a whole percent; null when unknown or nobody sits.
ordered_json percent_while_seated(const std::optional<double>& share, bool occupied) {
  if (!share || !occupied) return nullptr;
  return std::lround(std::clamp(*share, 0.0, 1.0) * 100.0);
}

// The measured values and the step by which each must move to be news.
struct Analog {
  const char* key;
  double step;
};
constexpr Analog kAnalogFields[] = {{"left_pct", 5}, {"front_pct", 5}, {"lumbar", 0.1}, {"seat_kg", 2}};
// Fields that change with time alone: only the heartbeat sends them.
constexpr const char* kTickingFields[] = {"sitting_s", "since_break_s", "diag"};

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
                           const StatePayloadOptions& options, const std::optional<std::string>& hardware_problem,
                           const Diagnostics& diagnostics) {
  ordered_json j;
  j["occupied"] = state.occupied;
  j["posture"] = state.posture ? ordered_json(std::string(to_string(*state.posture))) : ordered_json(nullptr);
  j["feet_flat"] = or_null(state.feet_flat);
  j["session_start"] =
      state.session_start ? ordered_json(iso8601_utc(wall_at(now, state.t, *state.session_start))) : ordered_json(nullptr);
  j["sitting_s"] = std::lround(state.sitting_s);
  j["since_break_s"] = state.since_break_s ? ordered_json(std::lround(*state.since_break_s)) : ordered_json(nullptr);
  j["break_due"] = state.break_due;
  j["left_pct"] = percent_while_seated(state.left_share, state.occupied);
  j["front_pct"] = percent_while_seated(state.front_share, state.occupied);
  j["lumbar"] = state.lumbar && state.occupied ? ordered_json(rounded(std::clamp(*state.lumbar, 0.0, 1.0), 2))
                                               : ordered_json(nullptr);
  j["lumbar_contact"] = state.occupied ? or_null(state.lumbar_contact) : ordered_json(nullptr);
  j["nudges"] = control.nudges_enabled;
  j["snoozed_until"] = control.snoozed_until ? ordered_json(iso8601_utc(*control.snoozed_until)) : ordered_json(nullptr);
  if (options.publish_weight) j["seat_kg"] = rounded(std::max(state.seat_kg, 0.0), 1);

  ordered_json faults = ordered_json::object();
  ordered_json channels = ordered_json::object();
  for (const auto& channel : state.channels) {
    if (channel.fault) faults[channel.channel] = to_string(*channel.fault);
    channels[channel.channel] = channel.fault ? std::string(to_string(*channel.fault)) : std::string("ok");
  }
  j["health"] = {{"ok", faults.empty() && !hardware_problem},
                 {"faults", faults},
                 {"channels", channels},
                 {"hardware", or_null(hardware_problem)}};
  j["diag"] = {{"version", diagnostics.version},
               {"uptime_s", std::llround(std::max(diagnostics.uptime_s, 0.0))},
               {"outbox", diagnostics.outbox}};
  return j;
}

bool state_is_news(const ordered_json& published, const ordered_json& now) {
  ordered_json a = published;
  ordered_json b = now;
  for (const char* key : kTickingFields) {
    a.erase(key);
    b.erase(key);
  }
  for (const auto& [key, step] : kAnalogFields) {
    const auto x = a.find(key);
    const auto y = b.find(key);
    const bool both_numbers = x != a.end() && y != b.end() && x->is_number() && y->is_number();
    if (both_numbers && std::abs(x->get<double>() - y->get<double>()) >= step) return true;
    if (both_numbers) {
      a.erase(key);
      b.erase(key);
    }
  }
  return a != b;  // a value appeared, vanished or changed
}

ordered_json event_payload(const Event& event, WallTime raised_at) {
  ordered_json j = to_json(event);
  j["ts"] = iso8601_utc(raised_at);
  return j;
}

}  // namespace chairhub::mqtt
