#pragma once
// Pure builders of the `state` and `event` payloads. Their key names are a public contract
// (docs/mqtt.md, the Home Assistant templates): keys may be added, never renamed.
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

// `now` is the wall-clock time that corresponds to `state.t`; session start is reported as a
// wall-clock time derived from it. `hardware_problem` says why the sensors cannot be read at all
// (the daemon could not open them): it becomes health.hardware (null otherwise) and makes
// health.ok false, so the Home Assistant problem entity shows it.
nlohmann::ordered_json state_payload(const ChairState& state, const ControlState& control, WallTime now,
                                     const StatePayloadOptions& options,
                                     const std::optional<std::string>& hardware_problem = std::nullopt);

// The payload without the fields that change every second (sitting time, time since break):
// a change in what is left is worth publishing at once.
nlohmann::ordered_json state_significant_part(const nlohmann::ordered_json& state);

// The event's own JSON plus "ts", the wall-clock time at which it was raised.
nlohmann::ordered_json event_payload(const Event& event, WallTime raised_at);

}  // namespace chairhub::mqtt
