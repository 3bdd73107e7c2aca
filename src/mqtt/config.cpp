#include "mqtt/config.hpp"

#include "core/file_checks.hpp"
#include "core/input_error.hpp"
#include "mqtt/chair_id.hpp"
#include "mqtt/commands.hpp"
#include "mqtt/topics.hpp"

namespace chairhub::mqtt {
namespace {

constexpr const char* kTopicRule = "must be a topic without wildcards or empty levels";

void read_path(const SectionReader& r, std::string_view key, std::filesystem::path& out) {
  if (auto p = r.path(key)) out = std::move(*p);
}

void read_broker(const SectionReader& r, MqttConfig& c) {
  r.read("enabled", c.enabled);
  r.read("host", c.host);
  if (c.host.empty()) r.problem("host", "must not be empty");
  r.read_integer("port", c.port, 1, 65535);
  r.read_integer("keepalive_s", c.keepalive_s, 5, 3600);
  r.read_integer("reconnect_min_s", c.reconnect_min_s, 1, 3600);
  r.read_integer("reconnect_max_s", c.reconnect_max_s, 1, 3600);
  if (c.reconnect_max_s < c.reconnect_min_s) r.problem("reconnect_max_s", "must not be less than reconnect_min_s");
}

void read_names(const SectionReader& r, MqttConfig& c) {
  r.read("chair_id", c.chair_id);
  if (r.has("chair_id") && !valid_chair_id(c.chair_id)) r.problem("chair_id", "use 1..64 letters, digits, '_' or '-'");
  r.read("base_topic", c.base_topic);
  if (!valid_topic_prefix(c.base_topic)) r.problem("base_topic", kTopicRule);
  r.read("discovery_prefix", c.discovery_prefix);
  if (!valid_topic_prefix(c.discovery_prefix)) r.problem("discovery_prefix", kTopicRule);
  r.read("discovery", c.discovery);
  r.read("device_name", c.device_name);
  r.read("suggested_area", c.suggested_area);
}

void read_security(const SectionReader& r, MqttConfig& c) {
  read_path(r, "ca_file", c.ca_file);
  read_path(r, "cert_file", c.cert_file);
  read_path(r, "key_file", c.key_file);
  if (c.cert_file.empty() != c.key_file.empty())
    r.problem(c.cert_file.empty() ? "key_file" : "cert_file", "cert_file and key_file go together");
  if (!c.cert_file.empty() && c.ca_file.empty()) r.problem("cert_file", "a client certificate needs ca_file (TLS)");
  read_path(r, "credentials_file", c.credentials_file);
  const std::string perms = r.string("credentials_permissions").value_or("warn");
  if (perms == "warn") c.credentials_permissions = LoosePermissions::warn;
  else if (perms == "refuse") c.credentials_permissions = LoosePermissions::refuse;
  else r.problem("credentials_permissions", "must be \"warn\" or \"refuse\"");
}

}  // namespace

MqttConfig read_mqtt_config(const SectionReader& root) {
  MqttConfig c;
  const auto r = root.table("mqtt");
  if (!r) return c;
  c.enabled = true;
  r->known_keys({"enabled", "host", "port", "chair_id", "base_topic", "discovery_prefix", "discovery", "device_name",
                 "suggested_area",
                 "keepalive_s", "reconnect_min_s", "reconnect_max_s", "ca_file", "cert_file", "key_file",
                 "credentials_file", "credentials_permissions", "outbox_size", "publish_weight", "state_interval_s",
                 "snooze_minutes"});
  read_broker(*r, c);
  read_names(*r, c);
  read_security(*r, c);
  r->read_integer("outbox_size", c.outbox_size, 1, 1000000);
  r->read("publish_weight", c.publish_weight);
  r->read("state_interval_s", c.state_interval_s, 1, 3600);
  r->read_integer("snooze_minutes", c.snooze_minutes, kMinSnoozeMinutes, kMaxSnoozeMinutes);
  return c;
}

void check_mqtt_files(const SectionReader& root, const MqttConfig& c) {
  const auto r = root.table("mqtt");
  if (!r || !c.enabled) return;
  const auto check = [&](std::string_view key, const std::filesystem::path& file, bool secret) {
    if (file.empty()) return;
    if (const auto why = unreadable_file(file)) return r->problem(key, "\"" + file.string() + "\" " + *why);
    try {
      if (secret) check_private_file(file, key, c.credentials_permissions, {});
      if (key == "credentials_file") read_credentials(file, c.credentials_permissions, {});
    } catch (const InputError& e) {
      r->problem(key, e.problems().front());
    }
  };
  check("ca_file", c.ca_file, false);
  check("cert_file", c.cert_file, false);
  check("key_file", c.key_file, true);
  check("credentials_file", c.credentials_file, true);
}

MqttConfig mqtt_config_from_toml(const toml::table& root, const std::string& place) {
  return read_alone(root, place, read_mqtt_config);
}

}  // namespace chairhub::mqtt
