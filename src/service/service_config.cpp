#include "service/service_config.hpp"

#include <algorithm>
#include <filesystem>

#include "core/input_error.hpp"

namespace chairhub {

const char* const kBuiltInScenario = R"(# A working day in miniature: sitting, slouching, leaning, short absences and breaks.
[sitter]
mass_kg = 74
seed = 42
[log]
rate_hz = 10
units = "calibrated"
spikes_per_hour = 30
[[step]]
posture = "upright"
minutes = 20
[[step]]
posture = "slouching"
minutes = 15
[[step]]
posture = "away"
minutes = 1
[[step]]
posture = "leaning_left"
minutes = 5
[[step]]
posture = "upright"
minutes = 15
[[step]]
posture = "leaning_forward"
minutes = 5
feet = "tucked"
[[step]]
posture = "away"
minutes = 5
[[step]]
posture = "reclined"
minutes = 10
[[step]]
posture = "upright"
minutes = 30
[[step]]
posture = "away"
minutes = 10
)";

bool QuietHours::contains(int m) const {
  if (from_min == to_min) return false;
  return from_min < to_min ? m >= from_min && m < to_min : m >= from_min || m < to_min;
}

namespace {

int parse_clock(const std::string& text, bool& ok) {
  int h = 0, m = 0;
  char colon = 0;
  ok = std::sscanf(text.c_str(), "%d%c%d", &h, &colon, &m) == 3 && colon == ':' && h >= 0 && h < 24 && m >= 0 &&
       m < 60 && text.size() <= 5;
  return ok ? h * 60 + m : 0;  // a huge hour must not overflow
}

}  // namespace

ServiceConfig service_config_from_toml(const toml::table& root, const std::string& config_path) {
  ServiceConfig c;
  const toml::node* section = root.get("service");
  if (!section) return c;
  auto fail = [&](const toml::node* node, const std::string& key, const std::string& what) {
    throw InputError(config_path, node ? node->source().begin.line : 0, "service." + key + ": " + what);
  };
  const toml::table* t = section->as_table();
  if (!t) fail(section, "", "expected a table [service]");
  static const char* keys[] = {"source",          "scenario",         "log",
                               "speed",           "state_dir",        "log_level",
                               "quiet_hours",     "escalate_within_min", "save_interval_s",
                               "watchdog_stale_s", "hardware_retry_s", "devices_present_file"};
  for (const auto& [k, node] : *t) {
    const std::string_view name = k.str();  // clang 14 cannot capture a structured binding
    if (std::find_if(std::begin(keys), std::end(keys), [&](const char* key) { return name == key; }) == std::end(keys))
      fail(&node, std::string(name), "unknown key");
  }

  const auto dir = std::filesystem::path(config_path).parent_path();
  auto text = [&](const char* key, std::string& out) {
    if (const toml::node* n = t->get(key)) {
      if (!n->is_string()) fail(n, key, "expected a string");
      out = *n->value<std::string>();
    }
  };
  auto path = [&](const char* key, std::string& out) {
    text(key, out);
    if (!out.empty() && std::filesystem::path(out).is_relative()) out = (dir / out).string();
  };
  auto number = [&](const char* key, double& out, double min, double max) {
    if (const toml::node* n = t->get(key)) {
      if (!n->is_number()) fail(n, key, "expected a number");
      const double v = *n->value<double>();
      if (!(v >= min && v <= max))  // also refuses nan
        fail(n, key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
      out = v;
    }
  };
  text("source", c.source);
  if (c.source != "simulated" && c.source != "hardware" && c.source != "devices" && c.source != "log")
    fail(t->get("source"), "source",
         "must be \"hardware\", \"simulated\", \"devices\" or \"log\", not \"" + c.source + "\"");
  if ((c.source == "hardware" || c.source == "devices") && !root.get("hardware"))
    fail(t->get("source"), "source", "\"" + c.source + "\" needs a [hardware] section (see hw/README.md)");
  path("scenario", c.scenario);
  path("log", c.log);
  if (c.source == "log" && c.log.empty()) fail(t->get("source"), "log", "source = \"log\" needs log = \"FILE\"");
  number("speed", c.speed, 0, 1e6);
  if (c.source == "simulated" && c.speed <= 0) fail(t->get("speed"), "speed", "the simulated chair needs a speed above 0");
  text("state_dir", c.state_dir);
  text("log_level", c.log_level);
  static const char* levels[] = {"error", "warning", "notice", "info", "debug"};
  if (std::find(std::begin(levels), std::end(levels), c.log_level) == std::end(levels))
    fail(t->get("log_level"), "log_level", "must be error, warning, notice, info or debug");
  std::string quiet;
  text("quiet_hours", quiet);
  if (!quiet.empty()) {
    const auto dash = quiet.find('-');
    bool ok1 = false, ok2 = false;
    QuietHours q;
    if (dash != std::string::npos) {
      q.from_min = parse_clock(quiet.substr(0, dash), ok1);
      q.to_min = parse_clock(quiet.substr(dash + 1), ok2);
    }
    if (!ok1 || !ok2) fail(t->get("quiet_hours"), "quiet_hours", "expected \"HH:MM-HH:MM\", e.g. \"22:00-07:00\"");
    c.quiet_hours = q;
  }
  number("escalate_within_min", c.escalate_within_min, 0, 1440);
  number("save_interval_s", c.save_interval_s, 1, 86400);
  number("watchdog_stale_s", c.watchdog_stale_s, 0.1, 3600);
  number("hardware_retry_s", c.hardware_retry_s, 0.1, 3600);
  path("devices_present_file", c.devices_present_file);
  if (!c.devices_present_file.empty() && c.source != "devices")
    fail(t->get("devices_present_file"), "devices_present_file", "only for source = \"devices\" (simulated chips)");
  return c;
}

}  // namespace chairhub
