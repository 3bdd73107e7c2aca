#include "mqtt/discovery.hpp"

#include "core/posture.hpp"
#include "events/event.hpp"
#include "mqtt/calibration_progress.hpp"

namespace chairhub::mqtt {

namespace {

using nlohmann::ordered_json;

// Event types the event entity shows; others are filtered out by its template.
constexpr EventType kEntityEventTypes[] = {EventType::posture, EventType::break_due, EventType::break_taken,
                                           EventType::nudge};

std::string on_off_or_none(const std::string& value) {
  return "{{ none if " + value + " is none else ('ON' if " + value + " else 'OFF') }}";
}

std::string entity_slug(const std::string& chair_id) {
  std::string out;
  for (char c : chair_id) out += (c == '-') ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Builder {
 public:
  explicit Builder(const Topics& topics) : topics_(topics), slug_(entity_slug(topics.chair_id())) {}

  ordered_json& add(const std::string& key, const std::string& platform, const std::string& name) {
    ordered_json& c = cmps_[key];
    c["p"] = platform;
    c["name"] = name;
    // namespaced: another integration's "office_occupancy" cannot collide with ours
    c["unique_id"] = "chairhub_" + topics_.chair_id() + "_" + key;
    // the entity id: default_entity_id from Home Assistant 2025.10 on, object_id before it
    c["default_entity_id"] = platform + "." + slug_ + "_" + key;
    c["object_id"] = slug_ + "_" + key;
    // per entity: Home Assistant releases before 2025.x do not take it from the device level
    c["qos"] = 1;
    return c;
  }

  // ON/OFF from a JSON boolean; null (not known) renders None, which Home Assistant shows as unknown.
  ordered_json& binary(const std::string& key, const std::string& name, const std::string& field) {
    ordered_json& c = add(key, "binary_sensor", name);
    c["value_template"] = on_off_or_none("value_json." + field);
    return c;
  }

  // A JSON null renders as None, which Home Assistant shows as unknown.
  ordered_json& sensor(const std::string& key, const std::string& name, const std::string& field) {
    ordered_json& c = add(key, "sensor", name);
    c["value_template"] = "{{ value_json." + field + " }}";
    return c;
  }

  ordered_json& button(const std::string& key, const std::string& name, const ordered_json& command) {
    ordered_json& c = add(key, "button", name);
    c["command_topic"] = topics_.set();
    c["payload_press"] = command.dump();
    return c;
  }

  ordered_json take() { return std::move(cmps_); }

 private:
  const Topics& topics_;
  std::string slug_;
  ordered_json cmps_ = ordered_json::object();
};

// What the sitter does: occupancy, posture, times, weight shares, lumbar, feet, break due.
void add_measurements(Builder& b) {
  b.binary("occupancy", "Occupied", "occupied")["device_class"] = "occupancy";

  {
    ordered_json& c = b.sensor("posture", "Posture", "posture");
    c["device_class"] = "enum";
    ordered_json options = ordered_json::array();
    for (Posture p : kAllPostures) options.push_back(std::string(to_string(p)));
    c["options"] = options;
    c["icon"] = "mdi:seat-recline-normal";
  }

  auto duration = [&](const std::string& key, const std::string& name, const std::string& field) {
    ordered_json& c = b.sensor(key, name, field);
    c["device_class"] = "duration";
    c["unit_of_measurement"] = "s";
    c["state_class"] = "measurement";
  };
  duration("sitting_time", "Sitting time", "sitting_s");
  duration("since_break", "Time since break", "since_break_s");

  // The shares wobble with every movement: expert values, off until the user enables them.
  auto percent = [&](const std::string& key, const std::string& name, const std::string& field) {
    ordered_json& c = b.sensor(key, name, field);
    c["unit_of_measurement"] = "%";
    c["state_class"] = "measurement";
    c["suggested_display_precision"] = 0;
    c["icon"] = "mdi:scale-balance";
    c["enabled_by_default"] = false;
  };
  percent("left_share", "Weight on left side", "left_pct");
  percent("front_share", "Weight on front half", "front_pct");

  b.binary("lumbar_contact", "Lumbar contact", "lumbar_contact")["icon"] = "mdi:human-handsdown";
  b.binary("feet_flat", "Feet flat", "feet_flat")["icon"] = "mdi:shoe-print";
  b.binary("break_due", "Break due", "break_due")["icon"] = "mdi:walk";
}

// How the chair itself is: sensor channels, software, connection; the seat load when allowed.
void add_diagnostics(Builder& b, const Topics& topics, const DiscoveryInfo& info) {
  {
    ordered_json& c = b.add("sensor_problem", "binary_sensor", "Sensor problem");
    c["value_template"] = "{{ 'OFF' if value_json.health.ok else 'ON' }}";
    c["device_class"] = "problem";
    c["entity_category"] = "diagnostic";
    c["json_attributes_topic"] = topics.state();
    // every channel's health, and "hardware" with the reason when the sensors could not be opened
    c["json_attributes_template"] =
        "{{ (dict(value_json.health.channels, hardware=value_json.health.hardware) if value_json.health.hardware "
        "else value_json.health.channels) | tojson }}";
  }
  {
    ordered_json& c = b.sensor("version", "Software version", "diag.version");
    c["entity_category"] = "diagnostic";
    c["icon"] = "mdi:tag";
  }
  {
    ordered_json& c = b.sensor("uptime", "Uptime", "diag.uptime_s");
    c["device_class"] = "duration";
    c["unit_of_measurement"] = "s";
    c["state_class"] = "total_increasing";
    c["entity_category"] = "diagnostic";
    c["enabled_by_default"] = false;  // changes with every message
  }
  {
    ordered_json& c = b.sensor("outbox", "Events waiting", "diag.outbox");
    c["unit_of_measurement"] = "events";
    c["state_class"] = "measurement";
    c["entity_category"] = "diagnostic";
    c["icon"] = "mdi:tray-full";
  }

  if (info.publish_weight) {
    ordered_json& c = b.sensor("seat_load", "Seat load", "seat_kg");
    c["device_class"] = "weight";
    c["unit_of_measurement"] = "kg";
    c["state_class"] = "measurement";
    c["entity_category"] = "diagnostic";
    c["enabled_by_default"] = false;  // a raw value
  }
}

void add_event_entity(Builder& b, const Topics& topics) {
  ordered_json& c = b.add("events", "event", "Events");
  c["state_topic"] = topics.event();
  ordered_json types = ordered_json::array();
  std::string list;
  for (EventType t : kEntityEventTypes) {
    types.push_back(to_string(t));
    list += std::string(list.empty() ? "" : ", ") + "'" + std::string(to_string(t)) + "'";
  }
  c["event_types"] = types;
  // our payload names the type "type"; HA wants "event_type" (other fields become attributes)
  c["value_template"] = "{% if value_json.type in [" + list +
                        "] %}{{ dict(value_json, event_type=value_json.type) | tojson }}{% endif %}";
}

// The commands: buttons and the nudge switch.
void add_controls(Builder& b, const Topics& topics, const DiscoveryInfo& info) {
  b.button("tare", "Tare seat", {{"command", "tare"}})["entity_category"] = "config";
  b.button("snooze", "Snooze nudges", {{"command", "snooze"}, {"minutes", info.snooze_minutes}})["icon"] =
      "mdi:bell-sleep";
  b.button("baseline", "Take upright baseline", {{"command", "baseline"}})["entity_category"] = "config";
  b.button("reset_session", "Reset sitting session", {{"command", "reset_session"}})["icon"] = "mdi:restart";
  // progress on response/calibrate_postures; the sitter follows it there or on a dashboard
  const std::string calibrate_op(kCalibratePosturesOp);
  ordered_json& calibrate = b.button(calibrate_op, "Calibrate postures", {{"command", calibrate_op}});
  calibrate["entity_category"] = "config";
  calibrate["icon"] = "mdi:tune";
  ordered_json& cancel =
      b.button("cancel_calibration", "Cancel posture calibration", {{"command", calibrate_op}, {"cancel", true}});
  cancel["entity_category"] = "config";
  cancel["icon"] = "mdi:cancel";

  if (!info.profiles.empty()) {
    ordered_json& c = b.add("profile", "select", "Sitter profile");
    c["command_topic"] = topics.set();
    c["command_template"] = R"({"command":"profile","name":"{{ value }}"})";
    c["options"] = info.profiles;
    c["value_template"] = "{{ value_json.profile }}";
    c["icon"] = "mdi:account-switch";
  }

  {
    ordered_json& c = b.add("nudges", "switch", "Nudges");
    c["command_topic"] = topics.set();
    c["payload_on"] = ordered_json({{"command", "nudges"}, {"on", true}}).dump();
    c["payload_off"] = ordered_json({{"command", "nudges"}, {"on", false}}).dump();
    // HA compares the rendered state with state_on/state_off, and with the payloads without them
    c["state_on"] = "ON";
    c["state_off"] = "OFF";
    c["value_template"] = "{{ 'ON' if value_json.nudges else 'OFF' }}";
    c["icon"] = "mdi:bell-ring";
  }
}

}  // namespace

ordered_json discovery_payload(const Topics& topics, const DiscoveryInfo& info) {
  Builder b(topics);
  add_measurements(b);
  add_diagnostics(b, topics, info);
  add_event_entity(b, topics);
  add_controls(b, topics, info);

  ordered_json dev = {
      {"identifiers", ordered_json::array({"chairhub_" + topics.chair_id()})},
      {"name", info.device_name},
      {"manufacturer", "chairhub"},
      {"model", "chairhub seat sensor"},
      {"sw_version", info.sw_version},
      {"serial_number", topics.chair_id()},
  };
  if (!info.suggested_area.empty()) dev["suggested_area"] = info.suggested_area;
  if (!info.configuration_url.empty()) dev["configuration_url"] = info.configuration_url;
  ordered_json origin = {{"name", "chairhub"}, {"sw_version", info.sw_version}};
  if (!info.support_url.empty()) origin["support_url"] = info.support_url;

  ordered_json j;
  j["dev"] = dev;
  j["o"] = origin;
  j["state_topic"] = topics.state();
  j["availability"] = ordered_json::array(
      {{{"topic", topics.status()}, {"payload_available", "online"}, {"payload_not_available", "offline"}}});
  j["qos"] = 1;
  j["cmps"] = b.take();
  return j;
}

ComponentSet discovery_components(const ordered_json& payload) {
  ComponentSet out;
  auto it = payload.find("cmps");
  if (it == payload.end() || !it->is_object()) return out;
  for (const auto& [key, value] : it->items()) {
    if (value.is_object() && value.contains("p") && value["p"].is_string()) out[key] = value["p"].get<std::string>();
  }
  return out;
}

UniqueIds discovery_unique_ids(const ordered_json& payload) {
  UniqueIds out;
  auto it = payload.find("cmps");
  if (it == payload.end() || !it->is_object()) return out;
  for (const auto& [key, value] : it->items()) {
    if (value.is_object() && value.contains("unique_id") && value["unique_id"].is_string())
      out[key] = value["unique_id"].get<std::string>();
  }
  return out;
}

std::optional<ordered_json> discovery_removal_payload(const ordered_json& current, const ComponentSet& previous,
                                                      const UniqueIds& previous_ids) {
  ordered_json j = current;
  const UniqueIds now = discovery_unique_ids(current);
  bool removed = false;
  for (const auto& [key, platform] : previous) {
    const auto old_id = previous_ids.find(key);
    const bool renamed = old_id != previous_ids.end() && now.count(key) && now.at(key) != old_id->second;
    if (!j["cmps"].contains(key) || renamed) {
      j["cmps"][key] = {{"p", platform}};
      removed = true;
    }
  }
  if (!removed) return std::nullopt;
  return j;
}

}  // namespace chairhub::mqtt
