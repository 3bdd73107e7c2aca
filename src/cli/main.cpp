#include <cstdio>
#include <exception>

#include "cli/commands.hpp"
#include "core/exit_status.hpp"
#include "core/input_error.hpp"
#include "core/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"chairhub: a smart-chair sensor hub (posture, sit time, break reminders)"};
  app.set_version_flag("--version", std::string(chairhub::kVersion));
  app.require_subcommand(1);
  int status = 0;
  chairhub::cli::add_replay(app, status);
  chairhub::cli::add_simulate(app, status);
  chairhub::cli::add_eval(app, status);
  chairhub::cli::add_probe(app, status);
  chairhub::cli::add_calibrate(app, status);
  chairhub::cli::add_record(app, status);
  chairhub::cli::add_check_config(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
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
