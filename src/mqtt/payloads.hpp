#pragma once
// Pure builders of the `state` and `event` payloads. Their key names are a public contract
// (docs/mqtt.md, the Home Assistant templates): keys may be added, never renamed.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "analysis/chair_state.hpp"
#include "events/event_json.hpp"
#include "mqtt/iso_time.hpp"

namespace chairhub::mqtt {

// What the application (not the analysis) decides: the nudge switch and a running snooze.
struct ControlState {
  bool nudges_enabled = true;
  std::optional<WallTime> snoozed_until;
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

// `now` is the wall-clock time that corresponds to `state.t`; session start is reported as a
// wall-clock time derived from it. `hardware_problem` says why the sensors cannot be read at all
// (the daemon could not open them): it becomes health.hardware (null otherwise) and makes
// health.ok false, so the Home Assistant problem entity shows it. Shares and lumbar contact are
// null while nobody sits, and never outside their range.
nlohmann::ordered_json state_payload(const ChairState& state, const ControlState& control, WallTime now,
                                     const StatePayloadOptions& options,
                                     const std::optional<std::string>& hardware_problem = std::nullopt,
                                     const Diagnostics& diagnostics = {});

// Whether `now` tells more than `published` did, so it is worth sending before the heartbeat:
// anything but the running times, the uptime and the outbox changed, or a measured value
// (shares, lumbar, seat load) moved by a noticeable step.
bool state_is_news(const nlohmann::ordered_json& published, const nlohmann::ordered_json& now);

// The event's own JSON plus "ts", the wall-clock time at which it was raised.
nlohmann::ordered_json event_payload(const Event& event, WallTime raised_at);

}  // namespace chairhub::mqtt
