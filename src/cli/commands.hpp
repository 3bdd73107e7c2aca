#pragma once
// Each subcommand of `chairhub` lives in its own file and registers itself on the app here.
// A command's callback stores its exit status in `status`; errors of outside input are thrown
// as InputError and printed by main().
#include <CLI/CLI.hpp>

namespace chairhub::cli {

void add_replay(CLI::App& app, int& status);
void add_simulate(CLI::App& app, int& status);
void add_eval(CLI::App& app, int& status);
void add_probe(CLI::App& app, int& status);
void add_calibrate(CLI::App& app, int& status);
void add_record(CLI::App& app, int& status);
void add_check_config(CLI::App& app, int& status);
void add_report(CLI::App& app, int& status);
void add_learn(CLI::App& app, int& status);
void add_hash_password(CLI::App& app, int& status);

}  // namespace chairhub::cli
