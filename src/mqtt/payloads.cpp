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

// A 0..1 fraction as a whole percent; none when unknown or nobody sits.
std::optional<long> percent_while_seated(const std::optional<double>& share, bool occupied) {
  if (!share || !occupied) return std::nullopt;
  return std::lround(std::clamp(*share, 0.0, 1.0) * 100.0);
}

// A measured value is news once it moved by `step`, or appeared or vanished.
template <class T>
bool moved(const std::optional<T>& a, const std::optional<T>& b, double step) {
  if (a && b) return std::abs(static_cast<double>(*a) - static_cast<double>(*b)) >= step;
  return a.has_value() != b.has_value();
}

// The same channels in the same health: the faults compared, not the names (which do not change
// while the program runs), so that this is cheap enough for every sample.
bool same_health(const std::vector<ChannelStatus>& a, const std::vector<ChannelStatus>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].fault != b[i].fault) return false;
  return true;
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

void apply_control(PublishedState& out, const ControlState& control) {
  out.nudges = control.nudges_enabled;
  out.snoozed_until = control.snoozed_until;
  out.profile = control.profile;
}

void update_published_state(PublishedState& out, const ChairState& state, const ControlState& control,
                            const StatePayloadOptions& options, const std::optional<std::string>& hardware_problem) {
  out.occupied = state.occupied;
  out.posture = state.posture;
  out.feet_flat = state.feet_flat;
  out.session_start = state.session_start;
  out.sitting_s = std::lround(state.sitting_s);
  out.since_break_s.reset();
  if (state.since_break_s) out.since_break_s = std::lround(*state.since_break_s);
  out.break_due = state.break_due;
  out.left_pct = percent_while_seated(state.left_share, state.occupied);
  out.front_pct = percent_while_seated(state.front_share, state.occupied);
  out.lumbar.reset();
  if (state.lumbar && state.occupied) out.lumbar = rounded(std::clamp(*state.lumbar, 0.0, 1.0), 2);
  out.lumbar_contact.reset();
  if (state.occupied) out.lumbar_contact = state.lumbar_contact;
  apply_control(out, control);
  out.seat_kg.reset();
  if (options.publish_weight) out.seat_kg = rounded(std::max(state.seat_kg, 0.0), 1);
  if (!same_health(out.channels, state.channels)) out.channels = state.channels;
  out.hardware_problem = hardware_problem;
}

PublishedState published_state(const ChairState& state, const ControlState& control, const StatePayloadOptions& options,
                               const std::optional<std::string>& hardware_problem) {
  PublishedState p;
  update_published_state(p, state, control, options, hardware_problem);
  return p;
}

ordered_json state_payload(const PublishedState& state, double t, WallTime now, const Diagnostics& diagnostics) {
  ordered_json j;
  j["occupied"] = state.occupied;
  j["posture"] = state.posture ? ordered_json(std::string(to_string(*state.posture))) : ordered_json(nullptr);
  j["feet_flat"] = or_null(state.feet_flat);
  j["session_start"] =
      state.session_start ? ordered_json(iso8601_utc(wall_at(now, t, *state.session_start))) : ordered_json(nullptr);
  j["sitting_s"] = state.sitting_s;
  j["since_break_s"] = or_null(state.since_break_s);
  j["break_due"] = state.break_due;
  j["left_pct"] = or_null(state.left_pct);
  j["front_pct"] = or_null(state.front_pct);
  j["lumbar"] = or_null(state.lumbar);
  j["lumbar_contact"] = or_null(state.lumbar_contact);
  j["nudges"] = state.nudges;
  j["snoozed_until"] = state.snoozed_until ? ordered_json(iso8601_utc(*state.snoozed_until)) : ordered_json(nullptr);
  j["profile"] = or_null(state.profile);
  if (state.seat_kg) j["seat_kg"] = *state.seat_kg;

  ordered_json faults = ordered_json::object();
  ordered_json channels = ordered_json::object();
  for (const auto& channel : state.channels) {
    if (channel.fault) faults[channel.channel] = to_string(*channel.fault);
    channels[channel.channel] = channel.fault ? std::string(to_string(*channel.fault)) : std::string("ok");
  }
  j["health"] = {{"ok", faults.empty() && !state.hardware_problem},
                 {"faults", faults},
                 {"channels", channels},
                 {"hardware", or_null(state.hardware_problem)}};
  j["diag"] = {{"version", diagnostics.version},
               {"uptime_s", std::llround(std::max(diagnostics.uptime_s, 0.0))},
               {"outbox", diagnostics.outbox}};
  return j;
}

ordered_json state_payload(const ChairState& state, const ControlState& control, WallTime now,
                           const StatePayloadOptions& options, const std::optional<std::string>& hardware_problem,
                           const Diagnostics& diagnostics) {
  return state_payload(published_state(state, control, options, hardware_problem), state.t, now, diagnostics);
}

bool state_is_news(const PublishedState& published, const PublishedState& now) {
  // sitting_s and since_break_s tick with time alone: only the heartbeat sends them
  const auto& a = published;
  const auto& b = now;
  return moved(a.left_pct, b.left_pct, 5) || moved(a.front_pct, b.front_pct, 5) || moved(a.lumbar, b.lumbar, 0.1) ||
         moved(a.seat_kg, b.seat_kg, 2) || a.occupied != b.occupied || a.posture != b.posture ||
         a.feet_flat != b.feet_flat || a.session_start != b.session_start || a.break_due != b.break_due ||
         a.lumbar_contact != b.lumbar_contact || a.nudges != b.nudges || a.snoozed_until != b.snoozed_until || a.profile != b.profile ||
         !same_health(a.channels, b.channels) || a.hardware_problem != b.hardware_problem;
}

ordered_json event_payload(const Event& event, WallTime raised_at) {
  ordered_json j = to_json(event);
  j["ts"] = iso8601_utc(raised_at);
  return j;
}

}  // namespace chairhub::mqtt
