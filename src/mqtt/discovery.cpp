#include "mqtt/discovery.hpp"

#include "core/posture.hpp"
#include "events/event.hpp"

namespace chairhub::mqtt {

namespace {

using nlohmann::ordered_json;

// Event types the event entity shows; others are filtered out by its template.
constexpr EventType kEntityEventTypes[] = {EventType::posture, EventType::break_due, EventType::break_taken,
                                           EventType::nudge};

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
    c["unique_id"] = topics_.chair_id() + "_" + key;
    c["default_entity_id"] = platform + "." + slug_ + "_" + key;
    return c;
  }

  ordered_json& binary(const std::string& key, const std::string& name, const std::string& field) {
    ordered_json& c = add(key, "binary_sensor", name);
    c["value_template"] = "{{ 'ON' if value_json." + field + " else 'OFF' }}";
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
    ordered_json& c = b.add("posture", "sensor", "Posture");
    c["device_class"] = "enum";
    ordered_json options = ordered_json::array();
    for (Posture p : kAllPostures) options.push_back(std::string(to_string(p)));
    c["options"] = options;
    // values outside `options` are rejected by HA, so "not seated" becomes unknown (None)
    c["value_template"] = "{{ value_json.posture if value_json.posture is not none else None }}";
    c["icon"] = "mdi:seat-recline-normal";
  }

  auto duration = [&](const std::string& key, const std::string& name, const std::string& field) {
    ordered_json& c = b.add(key, "sensor", name);
    c["device_class"] = "duration";
    c["unit_of_measurement"] = "s";
    c["state_class"] = "measurement";
    c["value_template"] = "{{ value_json." + field + " if value_json." + field + " is not none else None }}";
  };
  duration("sitting_time", "Sitting time", "sitting_s");
  duration("since_break", "Time since break", "since_break_s");

  auto percent = [&](const std::string& key, const std::string& name, const std::string& field) {
    ordered_json& c = b.add(key, "sensor", name);
    c["unit_of_measurement"] = "%";
    c["state_class"] = "measurement";
    c["suggested_display_precision"] = 0;
    c["value_template"] = "{{ value_json." + field + " if value_json." + field + " is not none else None }}";
    c["icon"] = "mdi:scale-balance";
  };
  percent("left_share", "Weight on left side", "left_pct");
  percent("front_share", "Weight on front half", "front_pct");

  b.binary("lumbar_contact", "Lumbar contact", "lumbar_contact")["icon"] = "mdi:human-handsdown";
  b.binary("feet_flat", "Feet flat", "feet_flat")["icon"] = "mdi:shoe-print";
  b.binary("break_due", "Break due", "break_due")["icon"] = "mdi:walk";
}

// How the chair itself is: faulty sensors, and the seat load when the user publishes it.
void add_diagnostics(Builder& b, const Topics& topics, const DiscoveryInfo& info) {
  {
    ordered_json& c = b.add("sensor_problem", "binary_sensor", "Sensor problem");
    c["value_template"] = "{{ 'OFF' if value_json.health.ok else 'ON' }}";
    c["device_class"] = "problem";
    c["entity_category"] = "diagnostic";
    c["json_attributes_topic"] = topics.state();
    // the faulty channels, and "hardware" with the reason when the sensors could not be opened
    c["json_attributes_template"] =
        "{{ (dict(value_json.health.faults, hardware=value_json.health.hardware) if value_json.health.hardware "
        "else value_json.health.faults) | tojson }}";
  }

  if (info.publish_weight) {
    ordered_json& c = b.add("seat_load", "sensor", "Seat load");
    c["device_class"] = "weight";
    c["unit_of_measurement"] = "kg";
    c["state_class"] = "measurement";
    c["entity_category"] = "diagnostic";
    c["value_template"] = "{{ value_json.seat_kg }}";
  }
}

void add_event_entity(Builder& b, const Topics& topics) {
  ordered_json& c = b.add("events", "event", "Chair event");
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

  {
    ordered_json& c = b.add("nudges", "switch", "Nudges");
    c["command_topic"] = topics.set();
    c["payload_on"] = ordered_json({{"command", "nudges"}, {"on", true}}).dump();
    c["payload_off"] = ordered_json({{"command", "nudges"}, {"on", false}}).dump();
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

std::optional<ordered_json> discovery_removal_payload(const ordered_json& current, const ComponentSet& previous) {
  ordered_json j = current;
  bool removed = false;
  for (const auto& [key, platform] : previous) {
    if (!j["cmps"].contains(key)) {
      j["cmps"][key] = {{"p", platform}};
      removed = true;
    }
  }
  if (!removed) return std::nullopt;
  return j;
}

}  // namespace chairhub::mqtt
