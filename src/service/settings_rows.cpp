#include "service/settings_rows.hpp"

#include <cstdio>
#include <filesystem>

#include "service/saved_calibration.hpp"

namespace chairhub {
namespace {

std::string minutes(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g min", seconds / 60);
  return text;
}

std::string on_off(bool on) { return on ? "on" : "off"; }

std::string calibration_text(const DaemonConfig& cfg, const std::string& state_dir) {
  std::error_code ec;
  if (std::filesystem::exists(saved_calibration_file(state_dir), ec)) return "made on this page (" + saved_calibration_file(state_dir) + ")";
  if (!cfg.chair.calibration_file.empty()) return cfg.chair.calibration_file;
  return "the channels' typical values (not calibrated)";
}

}  // namespace

std::vector<web::SettingRow> settings_rows(const DaemonConfig& cfg, const std::string& state_dir, int page_port,
                                           const std::string& page_url) {
  const std::string file = cfg.path();
  const AnalysisConfig& a = cfg.chair.analysis;
  std::vector<web::SettingRow> rows{
      {"Config file", file, "edit it as root, then: sudo systemctl reload chairhubd"},
      {"Sensors", std::string(to_string(cfg.service.source)), "[service] source"},
      {"State folder", state_dir, "[service] state_dir (systemd's StateDirectory when run as a service)"},
      {"Calibration", calibration_text(cfg, state_dir), "Set-up on this page, or chairhub calibrate"},
      {"Break reminder", "after " + minutes(a.breaks.interval_s) + ", again every " + minutes(a.breaks.repeat_s),
       "[breaks] interval_min, repeat_min"},
      {"A break counts after", minutes(a.breaks.min_break_s), "[breaks] min_break_min"},
      {"Nudges (LED and buzzer)", on_off(a.nudges.enabled), "[nudges] enabled, or the switch in Home Assistant"},
      {"Sitter chosen by weight", a.profiles.by_weight ? "on, within " + std::to_string(static_cast<int>(a.profiles.weight_tolerance_kg)) + " kg" : "off",
       "[profiles] by_weight, weight_tolerance_kg"},
      {"Occupied from", std::to_string(static_cast<int>(a.occupancy.on_kg)) + " kg on the seat", "[occupancy] on_kg"},
  };
  const auto& m = cfg.mqtt;
  rows.push_back({"MQTT", m.enabled ? m.host + ":" + std::to_string(m.port) + ", topics under " + m.base_topic + "/" : "off",
                  "[mqtt] host, port, base_topic"});
  if (m.enabled) {
    rows.push_back({"Home Assistant discovery", on_off(m.discovery) + " (device \"" + m.device_name + "\")",
                    "[mqtt] discovery, device_name"});
    rows.push_back({"MQTT security", std::string(m.ca_file.empty() ? "no TLS" : "TLS"), "[mqtt] ca_file, credentials_file"});
  }
  const auto& h = cfg.history;
  rows.push_back({"History", h.enabled ? "kept " + std::to_string(static_cast<int>(h.retention_days)) + " days, at most " +
                                             std::to_string(static_cast<int>(h.max_mb)) + " MB"
                                       : "off",
                  "[history] enabled, retention_days, max_mb"});
  const auto& w = cfg.web;
  rows.push_back({"This page", w.address + ":" + std::to_string(page_port) + (page_url.empty() ? "" : " (" + page_url + ")"),
                  "[web] address, port"});
  rows.push_back({"Page password", w.has_password() ? "set" : "not set: the page shows, but changes nothing",
                  "[web] password_hash (chairhub hash-password makes one)"});
  rows.push_back({"Log level", cfg.service.log_level, "[service] log_level"});
  return rows;
}

}  // namespace chairhub
