#include "service/check_config.hpp"

#include "config/config.hpp"
#include "hw/config/hardware_config.hpp"
#include "mqtt/config.hpp"
#include "service/service_config.hpp"
#include "sim/scenario.hpp"

namespace chairhub {

std::vector<std::string> check_config_file(const std::string& path) {
  std::vector<std::string> problems;
  std::optional<Config> config;
  try {
    config = load_config(path);
  } catch (const ConfigError& e) {
    problems = e.problems();
  }
  toml::table table;
  if (config) {
    table = std::move(config->table);
  } else {
    try {
      table = toml::parse_file(path);
    } catch (const std::exception&) {
      return problems;  // unreadable or not TOML: already said
    }
  }
  // The other parts' sections each stop at their first problem: one from each.
  auto check = [&](auto&& read) {
    try {
      read();
    } catch (const InputError& e) {
      problems.emplace_back(e.what());
    }
  };
  check([&] {
    const ServiceConfig service = service_config_from_toml(table, path);
    if (config && !service.scenario.empty() && (service.source == "simulated" || service.source == "devices"))
      load_scenario(service.scenario, config->layout);
  });
  check([&] { mqtt::mqtt_config_from_toml(table, path); });
  check([&] {
    if (const toml::table* hardware = table["hardware"].as_table()) {
      const auto hw = hw::read_hardware_config(*hardware, path);
      if (config) hw::check_hardware_config(hw, config->layout);
    }
  });
  return problems;
}

}  // namespace chairhub
