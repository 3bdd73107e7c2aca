#pragma once
// The JSON the page's live view and its API get: the chair's state with the centre of pressure
// worked out for drawing (x: -1 left .. 1 right; y: -1 back .. 1 front, as seen by the sitter).
#include <string>

#include <nlohmann/json.hpp>

#include "web/chair_port.hpp"

namespace chairhub::web {

nlohmann::ordered_json live_json(const LiveView& view);
nlohmann::ordered_json wiring_json(const Wiring& wiring);
nlohmann::ordered_json guide_json(const GuideView& guide);

}  // namespace chairhub::web
