#include "service/daemon_config.hpp"

namespace chairhub {
namespace {

// The sitter of the simulated sources: the built-in one or the scenario file.
void read_daemon_scenario(DaemonConfig& c, Problems& problems) {
  if (c.service.source != SourceKind::simulated && c.service.source != SourceKind::devices) return;
  const std::size_t before = problems.size();
  Scenario s = c.service.scenario.empty()
                   ? parse_scenario(kBuiltInScenario, "built-in scenario", c.chair.layout, problems)
                   : load_scenario(c.service.scenario, c.chair.layout, problems);
  if (problems.size() == before) c.scenario = std::move(s);
}

// The sensors are the source unless the config says otherwise, so a chair never publishes a
// made-up sitter by accident; they need their wiring.
void check_hardware_wiring(const SectionReader& root, const DaemonConfig& c) {
  if (!reads_chips(c.service.source) || c.hardware) return;
  const std::string name(to_string(c.service.source));
  const auto service = root.table("service");
  if (service && service->has("source")) {
    service->problem("source", "\"" + name + "\" needs a [hardware] section (see hw/README.md)");
  } else {
    root.problem("service", "no source is set, so chairhubd reads the sensors, and they need a [hardware] "
                            "section (see hw/README.md); to try chairhub without sensors, set "
                            "[service] source = \"simulated\"");
  }
}

DaemonConfig read_daemon_config(const SectionReader& root, const DaemonConfigOptions& options) {
  Problems& problems = root.problems();
  DaemonConfig c;
  const std::size_t before_chair = problems.size();
  c.chair = read_config(root, options.apply_calibration);
  const bool chair_ok = problems.size() == before_chair;
  c.service = read_service_config(root);
  c.mqtt = mqtt::read_mqtt_config(root);
  c.history = read_history_config(root);
  c.web = web::read_web_config(root);
  if (const auto hardware = root.table("hardware")) {
    const std::size_t before = problems.size();
    c.hardware = hw::read_hardware_config(*hardware);
    // The wiring is checked against channels that read well, so one mistake is said once.
    if (chair_ok && problems.size() == before) hw::check_hardware_config(*c.hardware, c.chair.layout, problems);
  }
  if (options.check_runtime) {
    check_hardware_wiring(root, c);
    if (chair_ok) read_daemon_scenario(c, problems);
    check_service_files(root, c.service);
    mqtt::check_mqtt_files(root, c.mqtt);
  }
  return c;
}

}  // namespace

DaemonConfig parse_daemon_config(std::string_view text, const std::string& name, const DaemonConfigOptions& options) {
  Problems problems;
  const auto table = parse_toml(text, name, problems);
  problems.raise();
  DaemonConfig c = read_daemon_config(SectionReader(*table, "", name, problems), options);
  problems.raise();
  return c;
}

DaemonConfig load_daemon_config(const std::string& path, const DaemonConfigOptions& options) {
  std::string why_not;
  const auto text = read_text_file(path, why_not);
  if (!text) throw ConfigError({path + ": cannot open the config file: " + why_not});
  return parse_daemon_config(*text, path, options);
}

std::vector<std::string> check_config_file(const std::string& path) {
  try {
    load_daemon_config(path);
  } catch (const ConfigError& e) {
    return e.problems();
  }
  return {};
}

bool same_channels(const ChannelLayout& a, const ChannelLayout& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a.channels[i].name != b.channels[i].name || a.channels[i].role != b.channels[i].role) return false;
  return true;
}

DaemonConfig reload_daemon_config(const std::string& path, const DaemonConfig& running) {
  DaemonConfig fresh = load_daemon_config(path);
  if (!same_channels(fresh.chair.layout, running.chair.layout))
    throw ConfigError({path + ": the channels changed: restart chairhubd for that"});
  return fresh;
}

}  // namespace chairhub
