#pragma once
// The analysis's current picture of the chair, updated every sample: what the MQTT `state`
// topic and `chairhub eval` report.
#include <optional>
#include <string>
#include <vector>

#include "analysis/posture.hpp"
#include "analysis/sensor_health.hpp"

namespace chairhub {

struct ChannelStatus {
  std::string channel;
  std::optional<Fault> fault;  // none when healthy
  bool operator==(const ChannelStatus&) const = default;
};

struct ChairState {
  double t = 0;
  bool occupied = false;
  std::optional<Posture> posture;   // the reported (dwelled) posture while seated
  std::optional<bool> feet_flat;    // none when unknown (no pads and no baseline yet)
  double seat_kg = 0;               // total seat load (personal data: publish only if allowed)
  std::optional<double> left_share;   // 0..1 of the seat load on the left half
  std::optional<double> front_share;  // 0..1 of the seat load on the front half
  std::optional<double> lumbar;       // backrest contact 0..1
  std::optional<bool> lumbar_contact;
  std::optional<double> session_start;  // t at which the sitting session began
  double sitting_s = 0;                 // length of the current session
  std::optional<double> since_break_s;  // time since the last break ended (none before the first)
  bool break_due = false;
  std::vector<ChannelStatus> channels;
};

}  // namespace chairhub
