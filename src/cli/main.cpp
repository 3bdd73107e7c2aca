#include <cstdio>
#include <exception>

#include "cli/commands.hpp"
#include "config/config.hpp"
#include "core/input_error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"chairhub: a smart-chair sensor hub (posture, sit time, break reminders)"};
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
    return 78;  // EX_CONFIG
  } catch (const chairhub::InputError& e) {
    std::fprintf(stderr, "chairhub: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "chairhub: error: %s\n", e.what());
    return 1;
  }
  return status;
}
