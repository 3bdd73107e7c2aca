#include <cstdio>
#include <exception>

#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "core/exit_status.hpp"
#include "core/input_error.hpp"
#include "core/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"chairhub: a smart-chair sensor hub (posture, sit time, break reminders)"};
  app.set_version_flag("--version", std::string(chairhub::kVersion));
  app.option_defaults()->always_capture_default();  // --help shows every default
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  chairhub replay monday.csv                       events of a recorded log\n"
      "  chairhub replay monday.csv --mqtt --speed 60     ...published as a live chair would\n"
      "  chairhub simulate scenario.toml | chairhub replay -\n"
      "  chairhub check-config /etc/chairhub/chairhub.toml\n"
      "Exit status: 0 done, 1 bad input or a failure, 64 a usage error, 78 a bad config.");
  int status = 0;
  chairhub::cli::add_replay(app, status);
  chairhub::cli::add_simulate(app, status);
  chairhub::cli::add_eval(app, status);
  chairhub::cli::add_probe(app, status);
  chairhub::cli::add_calibrate(app, status);
  chairhub::cli::add_record(app, status);
  chairhub::cli::add_check_config(app, status);
  chairhub::cli::add_report(app, status);
  chairhub::cli::add_learn(app, status);
  chairhub::cli::add_hash_password(app, status);
  try {
    if (const auto done = chairhub::cli::parse_or_usage_error(app, "chairhub", argc, argv)) return *done;
  } catch (const chairhub::ConfigError& e) {
    for (const auto& problem : e.problems()) std::fprintf(stderr, "chairhub: %s\n", problem.c_str());
    return chairhub::kExitConfig;
  } catch (const chairhub::InputError& e) {
    for (const auto& problem : e.problems()) std::fprintf(stderr, "chairhub: %s\n", problem.c_str());
    return chairhub::kExitFailure;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "chairhub: error: %s\n", e.what());
    return chairhub::kExitFailure;
  }
  return status;
}
