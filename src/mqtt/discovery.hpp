#pragma once
// Home Assistant device-based discovery: one retained config per chair at
// <prefix>/device/<chair_id>/config. Pure builders; DiscoveryPublisher sends them.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mqtt/topics.hpp"

namespace chairhub::mqtt {

struct DiscoveryInfo {
  std::string device_name;   // shown in Home Assistant
  std::string sw_version;
  std::string support_url;   // origin block; omitted when empty
  bool publish_weight = false;
  int snooze_minutes = 15;   // what the snooze button asks for
  std::string suggested_area;  // the room Home Assistant puts a new device in; omitted when empty
  std::string configuration_url;  // the chair's own page ("Visit" in Home Assistant); omitted when empty
  std::vector<std::string> profiles;  // the sitter profiles, the select's options; none: no select
};

nlohmann::ordered_json discovery_payload(const Topics& topics, const DiscoveryInfo& info);

// component key -> platform ("occupancy" -> "binary_sensor"), as listed under "cmps".
using ComponentSet = std::map<std::string, std::string>;
ComponentSet discovery_components(const nlohmann::ordered_json& payload);

// component key -> unique_id, as listed under "cmps".
using UniqueIds = std::map<std::string, std::string>;
UniqueIds discovery_unique_ids(const nlohmann::ordered_json& payload);

// Home Assistant removes an entity when its component is reduced to {"p": ...}; the config is
// then published again without it, or with the component anew. Returns that intermediate
// payload, or nothing when no component of `previous` is missing from `current` and none of
// `previous_ids` changed (an entity whose unique id changed would otherwise stay as a ghost, and
// its successor would get the entity id with "_2" appended).
std::optional<nlohmann::ordered_json> discovery_removal_payload(const nlohmann::ordered_json& current,
                                                                const ComponentSet& previous,
                                                                const UniqueIds& previous_ids = {});

}  // namespace chairhub::mqtt
