#include "mqtt/config.hpp"

#include <set>

#include "core/input_error.hpp"
#include "mqtt/chair_id.hpp"
#include "mqtt/commands.hpp"
#include "mqtt/topics.hpp"

namespace chairhub::mqtt {

namespace {

class Reader {
 public:
  Reader(const toml::table& table, const std::string& place, std::size_t section_line)
      : table_(table), place_(place), section_line_(section_line) {}

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    const toml::node* node = table_.get(key);
    const std::size_t line = node ? node->source().begin.line : section_line_;
    throw InputError(place_, line, "mqtt." + key + ": " + what);
  }

  const toml::node* find(const std::string& key) {
    seen_.insert(key);
    return table_.get(key);
  }

  void string(const std::string& key, std::string& out) {
    if (auto* n = find(key)) {
      auto v = n->value<std::string>();
      if (!n->is_string() || !v) fail(key, "must be a string");
      out = *v;
    }
  }
  void path(const std::string& key, std::filesystem::path& out) {
    std::string s;
    string(key, s);
    if (find(key)) {
      if (s.empty()) fail(key, "must not be empty");
      out = s;
    }
  }
  void boolean(const std::string& key, bool& out) {
    if (auto* n = find(key)) {
      if (!n->is_boolean()) fail(key, "must be true or false");
      out = *n->value<bool>();
    }
  }
  template <class Int>
  void integer(const std::string& key, Int& out, long long lo, long long hi) {
    if (auto* n = find(key)) {
      if (!n->is_integer()) fail(key, "must be an integer");
      const long long v = *n->value<long long>();
      if (v < lo || v > hi) fail(key, "must be " + std::to_string(lo) + ".." + std::to_string(hi));
      out = static_cast<Int>(v);
    }
  }
  void number(const std::string& key, double& out, double lo, double hi) {
    if (auto* n = find(key)) {
      if (!n->is_number()) fail(key, "must be a number");
      const double v = *n->value<double>();
      if (!(v >= lo && v <= hi)) fail(key, "must be " + std::to_string(lo) + ".." + std::to_string(hi));
      out = v;
    }
  }

  // A misspelt key would otherwise be silently ignored.
  void reject_unknown() const {
    for (const auto& [key, node] : table_) {
      if (!seen_.count(std::string(key.str()))) {
        throw InputError(place_, node.source().begin.line, "mqtt." + std::string(key.str()) + ": unknown key");
      }
    }
  }

 private:
  const toml::table& table_;
  const std::string& place_;
  std::size_t section_line_;
  std::set<std::string> seen_;
};

}  // namespace

MqttConfig mqtt_config_from_toml(const toml::table& root, const std::string& place) {
  MqttConfig c;
  const toml::node* section = root.get("mqtt");
  if (!section) return c;
  const toml::table* table = section->as_table();
  if (!table) throw InputError(place, section->source().begin.line, "mqtt: must be a table ([mqtt])");
  c.enabled = true;

  Reader r(*table, place, section->source().begin.line);
  r.boolean("enabled", c.enabled);
  r.string("host", c.host);
  if (c.host.empty()) r.fail("host", "must not be empty");
  r.integer("port", c.port, 1, 65535);
  r.string("chair_id", c.chair_id);
  if (r.find("chair_id") && !valid_chair_id(c.chair_id))
    r.fail("chair_id", "use 1..64 letters, digits, '_' or '-'");
  r.string("base_topic", c.base_topic);
  if (!valid_topic_prefix(c.base_topic)) r.fail("base_topic", "must be a topic without wildcards or empty levels");
  r.string("discovery_prefix", c.discovery_prefix);
  if (!valid_topic_prefix(c.discovery_prefix))
    r.fail("discovery_prefix", "must be a topic without wildcards or empty levels");
  r.boolean("discovery", c.discovery);
  r.string("device_name", c.device_name);
  r.integer("keepalive_s", c.keepalive_s, 5, 3600);
  r.integer("reconnect_min_s", c.reconnect_min_s, 1, 3600);
  r.integer("reconnect_max_s", c.reconnect_max_s, 1, 3600);
  if (c.reconnect_max_s < c.reconnect_min_s) r.fail("reconnect_max_s", "must not be less than reconnect_min_s");
  r.path("ca_file", c.ca_file);
  r.path("cert_file", c.cert_file);
  r.path("key_file", c.key_file);
  if (c.cert_file.empty() != c.key_file.empty())
    r.fail(c.cert_file.empty() ? "key_file" : "cert_file", "cert_file and key_file go together");
  if (!c.cert_file.empty() && c.ca_file.empty()) r.fail("cert_file", "a client certificate needs ca_file (TLS)");
  r.path("credentials_file", c.credentials_file);
  std::string perms = "warn";
  r.string("credentials_permissions", perms);
  if (perms == "warn") c.credentials_permissions = LoosePermissions::warn;
  else if (perms == "refuse") c.credentials_permissions = LoosePermissions::refuse;
  else r.fail("credentials_permissions", "must be \"warn\" or \"refuse\"");
  r.integer("outbox_size", c.outbox_size, 1, 1000000);
  r.boolean("publish_weight", c.publish_weight);
  r.number("state_interval_s", c.state_interval_s, 1, 3600);
  r.integer("snooze_minutes", c.snooze_minutes, kMinSnoozeMinutes, kMaxSnoozeMinutes);
  r.reject_unknown();
  return c;
}

}  // namespace chairhub::mqtt
