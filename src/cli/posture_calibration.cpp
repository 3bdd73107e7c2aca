#include "cli/posture_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/prompter.hpp"
#include "config/posture_model_file.hpp"
#include "eval/posture_calibration.hpp"

namespace chairhub::cli {
namespace {

// What the simulated chair's sitter (70 kg) does in each posture: the seat's share of the load,
// the centre of pressure, backrest and foot contact.
HeldLoad simulated_load(Posture posture, const ChannelLayout& layout) {
  struct Acted {
    double seat_share, x, y, back, feet;
  };
  const Acted a = [posture]() -> Acted {
    switch (posture) {
      case Posture::slouching: return {1, 0, 0.12, 0.05, 0.8};
      case Posture::leaning_left: return {1, -0.4, 0, 0.4, 0.8};
      case Posture::leaning_right: return {1, 0.4, 0, 0.4, 0.8};
      case Posture::leaning_forward: return {0.85, 0, 0.4, 0, 1};
      case Posture::reclined: return {1, 0, -0.25, 0.9, 0.6};
      default: return {1, 0, 0, 0.6, 0.8};
    }
  }();
  constexpr double kSimulatedKg = 70;
  HeldLoad load{kSimulatedKg * a.seat_share, a.x, a.y, {}};
  for (const auto& ch : layout.channels) {
    if (ch.role == Role::back) load.pressed[ch.name] = a.back;
    if (ch.role == Role::foot) load.pressed[ch.name] = a.feet;
  }
  return load;
}

}  // namespace

void calibrate_postures(const HardwareArgs& hardware, const std::string& output, double hold_s) {
  // The channels' calibration applies: the analysis judges posture in kilograms and contact.
  const DaemonConfig daemon_config = load_daemon_config(hardware.config, {.apply_calibration = true, .check_runtime = false});
  const Config& config = daemon_config.chair;
  const std::string file =
      output.empty() ? (std::filesystem::path(daemon_config.service.state_dir) / kPostureModelFile).string() : output;
  ChairHardware chair(daemon_config, hardware.simulate);
  const std::unique_ptr<hw::HardwareSource> source = open_chair(chair);
  std::printf("chairhub calibrate --postures: %s -> %s%s\n", config.path.c_str(), file.c_str(),
              chair.simulated() ? " (simulated chair)" : "");
  std::printf("Hold each posture for about %.0f s while the sensors are read.\n", hold_s);
  Prompter ask;
  PostureCalibration steps(config, Units::raw, hold_s);
  while (!steps.done()) {
    const PostureHold& hold = steps.hold();
    ask.wait(std::string(to_string(hold.posture)), std::to_string(steps.step() + 1) + ". " + std::string(hold.ask));
    chair.act(simulated_load(hold.posture, config.layout));
    std::printf("  hold it...");
    std::fflush(stdout);
    for (;;) {
      hw::HardwareReading reading = chair.read(*source);
      for (std::size_t i = 0; i < reading.health.size() && i < reading.sample.values.size(); ++i)
        if (!reading.health[i].ok) reading.sample.values[i] = NAN;
      if (steps.add(reading.sample)) break;
    }
    std::printf(" done\n");
  }
  chair.act({});
  PostureModel model;
  try {
    model = steps.learn("calibrate --postures");
  } catch (const InputError& e) {
    std::vector<std::string> problems = e.problems();
    problems.back() += "; nothing written" + std::string(std::filesystem::exists(file) ? ", the previous model kept" : "");
    throw InputError(problems);
  }
  write_posture_model(file, model, {"chairhub posture model (docs/posture-model.md): chairhub calibrate --postures, " +
                                        utc_timestamp()});
  std::printf("\nlearnt %zu postures:", model.classes.size());
  for (const auto& c : model.classes) std::printf(" %s (%zu samples)", c.label.c_str(), c.rows);
  std::printf("\nwrote %s\n", file.c_str());
}

}  // namespace chairhub::cli
