// chairhubd: the chair's daemon. Usually started by systemd (systemd/chairhubd.service).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/usage.hpp"
#include "core/exit_status.hpp"
#include "core/input_error.hpp"
#include "core/log.hpp"
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
  app.footer(
      "Examples:\n"
      "  chairhubd --config /etc/chairhub/chairhub.toml           as the systemd unit runs it\n"
      "  chairhubd -c my-chair.toml --state-dir /tmp/chair --log-level info\n"
      "                                                           in a terminal: each event as a line of words\n"
      "Exit status: 0 stopped, 1 a failure, 64 a usage error, 78 a bad config (systemd does not restart then).");
  if (const auto done = chairhub::cli::parse_or_usage_error(app, "chairhubd", argc, argv)) return *done;
  if (!state_dir.empty()) options.state_dir = state_dir;
  if (!log_level.empty()) options.log_level = log_level;
  chairhub::Daemon daemon(options);
  return daemon.run();
} catch (const chairhub::ConfigError& e) {
  for (const auto& p : e.problems()) chairhub::write_log_line(chairhub::LogLevel::error, p);
  chairhub::write_log_line(chairhub::LogLevel::error, "refusing to start with a bad configuration");
  return chairhub::kExitConfig;
} catch (const chairhub::InputError& e) {
  for (const auto& p : e.problems()) chairhub::write_log_line(chairhub::LogLevel::error, p);
  return chairhub::kExitFailure;
} catch (const std::exception& e) {
  chairhub::write_log_line(chairhub::LogLevel::error, std::string("chairhubd: ") + e.what());
  return chairhub::kExitFailure;
}
