// chairhub simulate SCENARIO: writes a synthetic sitter's log, for building test logs;
// chairhub simulate --population N -o DIR: the logs of N different simulated sitters.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/input_error.hpp"
#include "log/log_writer.hpp"
#include "eval/posture_learning.hpp"
#include "sim/population.hpp"
#include "sim/simulated_chair.hpp"

namespace chairhub::cli {
namespace {

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// Writes one scenario's log to `path` ("" = standard output); `about` goes into the header.
void write_log(const Scenario& scenario, const ChannelLayout& layout, const std::string& path,
               std::map<std::string, std::string> about) {
  std::FILE* out = stdout;
  if (!path.empty()) {
    out = std::fopen(path.c_str(), "wb");
    if (!out) throw InputError(path, 0, std::string("cannot write: ") + std::strerror(errno));
  }
  about["rate_hz"] = number(scenario.rate_hz);
  LogWriter writer(out, layout, scenario.units, about, true);
  SimulatedChair chair(scenario, layout);
  Sample sample;
  std::string label;
  while (chair.next(sample, label)) writer.write(sample, label);
  const bool failed = std::ferror(out) != 0;
  if (out != stdout) {
    if (std::fclose(out) != 0 || failed) throw InputError(path, 0, "write failed");
  } else if (std::fflush(out) != 0 || failed) {
    throw InputError("<stdout>", 0, "write failed");
  }
}

// Each sitter's log, named after the sitter, with their body in the header.
void write_population(std::size_t count, const ChannelLayout& layout, const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw InputError(dir, 0, "cannot create the directory: " + error.message());
  const auto calibrations = std::filesystem::path(dir) / "calibration";
  std::filesystem::create_directories(calibrations, error);
  if (error) throw InputError(calibrations.string(), 0, "cannot create the directory: " + error.message());
  for (const auto& sitter : make_population(count)) {
    const Scenario& s = sitter.scenario;
    const std::map<std::string, std::string> about = {
        {"source", "chairhub simulate --population " + std::to_string(count)},
        {"sitter", sitter.name},
        {"mass_kg", number(s.mass_kg)},
        {"offset_x", number(s.offset_x)},
        {"offset_y", number(s.offset_y)},
        {"slouch_slide", number(s.body.slouch_slide)},
        {"lean_reach", number(s.body.lean_reach)},
        {"seat_share", number(s.body.seat_share)},
        {"back_firmness", number(s.body.back_firmness)}};
    write_log(s, layout, (std::filesystem::path(dir) / (sitter.name + ".csv")).string(), about);
    // The same sitter's guided posture calibration, for `chairhub learn` (eval --learn-postures).
    write_log(guided_calibration(sitter), layout, (calibrations / (sitter.name + ".csv")).string(), about);
  }
}

}  // namespace

void add_simulate(CLI::App& app, int& status) {
  struct Args {
    std::string scenario, config, output;
    std::size_t population = 0;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("simulate", "write the log of a synthetic sitter described by a scenario file");
  cmd->footer(
      "Examples:\n"
      "  chairhub simulate config/scenarios/demo.toml -o workday.csv\n"
      "  chairhub simulate config/scenarios/demo.toml | chairhub replay -\n"
      "  chairhub simulate --population 50 -o people.csv            50 simulated sitters, labelled");
  cmd->add_option("scenario", args->scenario, "scenario (TOML, see config/scenarios/)");
  add_config_option(*cmd, args->config);
  cmd->add_option("-o,--output", args->output,
                  "where to write the log (default standard output); with --population, a directory");
  cmd->add_option("--population", args->population,
                  "instead of a scenario, N different sitters (src/sim/population.hpp), one log each")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000}));
  cmd->callback([args, &status] {
    const Config config = config_from(args->config).chair;
    if (args->population > 0) {
      if (!args->scenario.empty()) throw CLI::ValidationError(args->scenario, "give a scenario or --population, not both");
      if (args->output.empty()) throw CLI::ValidationError("--population", "needs -o DIR for the sitters' logs");
      write_population(args->population, config.layout, args->output);
    } else {
      if (args->scenario.empty()) throw CLI::ValidationError("simulate", "needs a scenario file or --population N");
      const Scenario scenario = load_scenario(args->scenario, config.layout);
      write_log(scenario, config.layout, args->output, {{"source", "chairhub simulate " + args->scenario}});
    }
    status = 0;
  });
}

}  // namespace chairhub::cli
