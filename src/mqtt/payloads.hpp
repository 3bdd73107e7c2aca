#pragma once
// Pure builders of the `state` and `event` payloads. Their key names are a public contract
// (docs/mqtt.md, the Home Assistant templates): keys may be added, never renamed.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/chair_state.hpp"
#include "events/event_json.hpp"
#include "mqtt/iso_time.hpp"

namespace chairhub::mqtt {

// What the application (not the analysis) decides: the nudge switch, a running snooze and the
// sitter profile in use.
struct ControlState {
  bool nudges_enabled = true;
  std::optional<WallTime> snoozed_until;
  std::optional<std::string> profile;  // the sitter profile in use, by name (never its weight)
};

struct StatePayloadOptions {
  bool publish_weight = false;  // body weight is personal data: only on explicit opt-in
};

// How the program itself is, for Home Assistant's diagnostic entities (the `diag` object).
struct Diagnostics {
  std::string version;
  double uptime_s = 0;      // since the MQTT side started (the daemon or the replay)
  std::size_t outbox = 0;   // events waiting for the broker's acknowledgement
};

// The state as it goes out, before it becomes JSON: every value rounded as published, session
// start still in sample time, no diagnostics. Cheap to make from a ChairState (no JSON), so the
// publisher decides on every sample whether to publish and builds the payload only then.
// `hardware_problem` says why the sensors cannot be read at all (the daemon could not open
// them). Shares and lumbar contact are none while nobody sits, and never outside their range.
struct PublishedState {
  bool occupied = false;
  std::optional<Posture> posture;
  std::optional<bool> feet_flat;
  std::optional<double> session_start;  // sample time
  long sitting_s = 0;
  std::optional<long> since_break_s;
  bool break_due = false;
  std::optional<long> left_pct, front_pct;
  std::optional<double> lumbar;  // to 0.01
  std::optional<bool> lumbar_contact;
  bool nudges = true;
  std::optional<WallTime> snoozed_until;
  std::optional<std::string> profile;
  std::optional<double> seat_kg;  // to 0.1, only when publishing it is allowed
  std::vector<ChannelStatus> channels;
  std::optional<std::string> hardware_problem;
};

PublishedState published_state(const ChairState& state, const ControlState& control, const StatePayloadOptions& options,
                               const std::optional<std::string>& hardware_problem = std::nullopt);
// The same in place, for a publisher that decides on every sample: the channel list (names and
// health) is copied only when a channel's health changed. Channel names do not change while
// the program runs (a new channel needs a restart).
void update_published_state(PublishedState& out, const ChairState& state, const ControlState& control,
                            const StatePayloadOptions& options, const std::optional<std::string>& hardware_problem);
// Only the application's part (the nudge switch, a snooze).
void apply_control(PublishedState& out, const ControlState& control);

// The `state` payload. `now` is the wall-clock time that corresponds to sample time `t`; the
// session start is reported as a wall-clock time derived from it. A hardware problem becomes
// health.hardware (null otherwise) and makes health.ok false, so the Home Assistant problem
// entity shows it.
nlohmann::ordered_json state_payload(const PublishedState& state, double t, WallTime now,
                                     const Diagnostics& diagnostics = {});
// The same from the analysis's state, `now` corresponding to `state.t`.
nlohmann::ordered_json state_payload(const ChairState& state, const ControlState& control, WallTime now,
                                     const StatePayloadOptions& options,
                                     const std::optional<std::string>& hardware_problem = std::nullopt,
                                     const Diagnostics& diagnostics = {});

// Whether `now` tells more than `published` did, so it is worth sending before the heartbeat:
// anything but the running times (and the diagnostics, which are not compared) changed, or a
// measured value (shares, lumbar, seat load) moved by a noticeable step.
bool state_is_news(const PublishedState& published, const PublishedState& now);

// The event's own JSON plus "ts", the wall-clock time at which it was raised.
nlohmann::ordered_json event_payload(const Event& event, WallTime raised_at);

}  // namespace chairhub::mqtt
