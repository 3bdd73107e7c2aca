#include "service/service_config.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "core/file_checks.hpp"

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

constexpr std::pair<SourceKind, std::string_view> kSourceNames[] = {
    {SourceKind::simulated, "simulated"}, {SourceKind::hardware, "hardware"}, {SourceKind::devices, "devices"},
    {SourceKind::log, "log"}};

int parse_clock(const std::string& text, bool& ok) {
  int h = 0, m = 0;
  char colon = 0;
  ok = std::sscanf(text.c_str(), "%d%c%d", &h, &colon, &m) == 3 && colon == ':' && h >= 0 && h < 24 && m >= 0 &&
       m < 60 && text.size() <= 5;
  return ok ? h * 60 + m : 0;  // a huge hour must not overflow
}

void read_path(const SectionReader& t, std::string_view key, std::string& out) {
  if (auto p = t.path(key)) out = std::move(*p);
}

void read_source(const SectionReader& t, ServiceConfig& c) {
  if (const auto text = t.string("source")) {
    if (const auto kind = source_kind_from_string(*text)) c.source = *kind;
    else t.problem("source", "must be \"hardware\", \"simulated\", \"devices\" or \"log\", not \"" + *text + "\"");
  }
  read_path(t, "scenario", c.scenario);
  read_path(t, "log", c.log);
  if (c.source == SourceKind::log && c.log.empty())
    t.problem_at(t.has("source") ? *t.get("source") : t.node(), "log", "source = \"log\" needs log = \"FILE\"");
  t.read("speed", c.speed, 0, 1e6);
  if (c.source == SourceKind::simulated && c.speed <= 0) t.problem("speed", "the simulated chair needs a speed above 0");
  read_path(t, "devices_present_file", c.devices_present_file);
  if (!c.devices_present_file.empty() && c.source != SourceKind::devices)
    t.problem("devices_present_file", "only for source = \"devices\" (simulated chips)");
}

void read_quiet_hours(const SectionReader& t, ServiceConfig& c) {
  const std::string quiet = t.string("quiet_hours").value_or("");
  if (quiet.empty()) return;
  const auto dash = quiet.find('-');
  bool ok1 = false, ok2 = false;
  QuietHours q;
  if (dash != std::string::npos) {
    q.from_min = parse_clock(quiet.substr(0, dash), ok1);
    q.to_min = parse_clock(quiet.substr(dash + 1), ok2);
  }
  if (!ok1 || !ok2) return t.problem("quiet_hours", "expected \"HH:MM-HH:MM\", e.g. \"22:00-07:00\"");
  c.quiet_hours = q;
}

}  // namespace

std::string_view to_string(SourceKind kind) {
  for (const auto& [k, name] : kSourceNames)
    if (k == kind) return name;
  return "?";
}

std::optional<SourceKind> source_kind_from_string(std::string_view text) {
  for (const auto& [k, name] : kSourceNames)
    if (name == text) return k;
  return std::nullopt;
}

ServiceConfig read_service_config(const SectionReader& root) {
  ServiceConfig c;
  const auto t = root.table("service");
  if (!t) return c;
  t->known_keys({"source", "scenario", "log", "speed", "state_dir", "log_level", "quiet_hours", "escalate_within_min",
                 "save_interval_s", "watchdog_stale_s", "hardware_retry_s", "devices_present_file"});
  read_source(*t, c);
  t->read("state_dir", c.state_dir);  // as written: a folder of its own, not a file beside the config
  if (c.state_dir.empty()) t->problem("state_dir", "must not be empty");
  t->read("log_level", c.log_level);
  static const char* levels[] = {"error", "warning", "notice", "info", "debug"};
  if (std::find(std::begin(levels), std::end(levels), c.log_level) == std::end(levels))
    t->problem("log_level", "must be error, warning, notice, info or debug");
  read_quiet_hours(*t, c);
  t->read("escalate_within_min", c.escalate_within_min, 0, 1440);
  t->read("save_interval_s", c.save_interval_s, 1, 86400);
  t->read("watchdog_stale_s", c.watchdog_stale_s, 0.1, 3600);
  t->read("hardware_retry_s", c.hardware_retry_s, 0.1, 3600);
  return c;
}

void check_service_files(const SectionReader& root, const ServiceConfig& c) {
  const auto t = root.table("service");
  if (!t) return;
  if (c.source == SourceKind::log && !c.log.empty())
    if (const auto why = unreadable_file(c.log)) t->problem("log", "\"" + c.log + "\" " + *why);
  if (t->has("state_dir"))
    if (const auto why = unusable_folder(c.state_dir)) t->problem("state_dir", "\"" + c.state_dir + "\" " + *why);
}

ServiceConfig service_config_from_toml(const toml::table& root, const std::string& config_path) {
  return read_alone(root, config_path, read_service_config);
}

}  // namespace chairhub
