// chairhub simulate SCENARIO: writes a synthetic sitter's log, for building test logs.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/input_error.hpp"
#include "log/log_writer.hpp"
#include "sim/simulated_chair.hpp"

namespace chairhub::cli {

void add_simulate(CLI::App& app, int& status) {
  struct Args {
    std::string scenario, config, output;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("simulate", "write the log of a synthetic sitter described by a scenario file");
  cmd->add_option("scenario", args->scenario, "scenario (TOML, see config/scenarios/)")->required();
  add_config_option(*cmd, args->config);
  cmd->add_option("-o,--output", args->output, "where to write the log; default standard output");
  cmd->callback([args, &status] {
    const Config config = config_from(args->config).chair;
    const Scenario scenario = load_scenario(args->scenario, config.layout);
    std::FILE* out = stdout;
    if (!args->output.empty()) {
      out = std::fopen(args->output.c_str(), "wb");
      if (!out) throw InputError(args->output, 0, std::string("cannot write: ") + std::strerror(errno));
    }
    char rate[32];
    std::snprintf(rate, sizeof rate, "%g", scenario.rate_hz);
    LogWriter writer(out, config.layout, scenario.units,
                     {{"rate_hz", rate}, {"source", "chairhub simulate " + args->scenario}}, true);
    SimulatedChair chair(scenario, config.layout);
    Sample sample;
    std::string label;
    while (chair.next(sample, label)) writer.write(sample, label);
    const bool failed = std::ferror(out) != 0;
    if (out != stdout) {
      if (std::fclose(out) != 0 || failed) throw InputError(args->output, 0, "write failed");
    } else if (std::fflush(out) != 0 || failed) {
      throw InputError("<stdout>", 0, "write failed");
    }
    status = 0;
  });
}

}  // namespace chairhub::cli
