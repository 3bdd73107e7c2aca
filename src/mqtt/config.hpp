#pragma once
// Every MQTT option, and reading them from the `[mqtt]` section of the daemon's TOML config.
#include <cstdint>
#include <filesystem>
#include <string>

#include <toml++/toml.h>

#include "core/section_reader.hpp"
#include "mqtt/credentials.hpp"

namespace chairhub::mqtt {

struct MqttConfig {
  bool enabled = false;                 // true when the config has an [mqtt] section (unless enabled = false)
  std::string host = "localhost";
  int port = 1883;
  std::string chair_id;                 // empty: default_chair_id() of this machine
  std::string base_topic = "chairhub";  // topics are <base_topic>/<chair_id>/...
  std::string discovery_prefix = "homeassistant";
  bool discovery = true;
  std::string device_name = "Office chair";
  std::string suggested_area;           // Home Assistant's area for a newly discovered chair; empty: none
  int keepalive_s = 30;
  int reconnect_min_s = 1;              // reconnect backoff doubles from min to max
  int reconnect_max_s = 60;
  std::filesystem::path ca_file;        // TLS when set
  std::filesystem::path cert_file;      // optional client certificate (with key_file)
  std::filesystem::path key_file;
  std::filesystem::path credentials_file;
  LoosePermissions credentials_permissions = LoosePermissions::warn;
  std::size_t outbox_size = 1000;
  bool publish_weight = false;          // personal data: off unless asked for
  double state_interval_s = 60;         // state heartbeat; news goes out at once
  int snooze_minutes = 15;              // what the Home Assistant snooze button asks for
};

// Reads the [mqtt] section of the config's root; defaults when absent. Every wrong type, value
// out of range or unknown key is recorded as "<file>:<line>: mqtt.<key>: ...".
MqttConfig read_mqtt_config(const SectionReader& root);
// The same alone; throws ConfigError with every problem of the section.
// The files [mqtt] names, checked as the daemon will use them: the TLS files readable, the
// client key and the credentials file private when credentials_permissions = "refuse", the
// credentials file well formed; each problem names its key.
void check_mqtt_files(const SectionReader& root, const MqttConfig& c);
MqttConfig mqtt_config_from_toml(const toml::table& root, const std::string& place);

}  // namespace chairhub::mqtt
