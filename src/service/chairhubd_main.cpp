// chairhubd: the chair's daemon. Usually started by systemd (systemd/chairhubd.service).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "core/exit_status.hpp"
#include "core/input_error.hpp"
#include "core/version.hpp"
#include "service/daemon.hpp"

// One try for all of main: setting up the options can throw too.
int main(int argc, char** argv) try {
  CLI::App app{"chairhubd: the smart-chair daemon (sensors -> analysis -> MQTT, LED and buzzer)"};
  chairhub::DaemonOptions options;
  std::string state_dir, log_level;
  app.set_version_flag("--version", std::string(chairhub::kVersion));
  app.add_option("-c,--config", options.config_path, "config file")->required();
  app.add_option("--state-dir", state_dir, "where state is kept (default: $STATE_DIRECTORY or the config's)");
  app.add_option("--log-level", log_level, "error, warning, notice, info or debug")
      ->check(CLI::IsMember({"error", "warning", "notice", "info", "debug"}));
  CLI11_PARSE(app, argc, argv);
  if (!state_dir.empty()) options.state_dir = state_dir;
  if (!log_level.empty()) options.log_level = log_level;
  chairhub::Daemon daemon(options);
  return daemon.run();
} catch (const chairhub::ConfigError& e) {
  for (const auto& p : e.problems()) std::fprintf(stderr, "<3>%s\n", p.c_str());
  std::fprintf(stderr, "<3>refusing to start with a bad configuration\n");
  return chairhub::kExitConfig;
} catch (const chairhub::InputError& e) {
  for (const auto& p : e.problems()) std::fprintf(stderr, "<3>%s\n", p.c_str());
  return chairhub::kExitFailure;
} catch (const std::exception& e) {
  std::fprintf(stderr, "<3>chairhubd: %s\n", e.what());
  return chairhub::kExitFailure;
}
