#include "cli/posture_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/prompter.hpp"
#include "config/posture_model_file.hpp"
#include "eval/posture_learning.hpp"

namespace chairhub::cli {
namespace {

// One posture to hold: what the sitter is asked, and what the simulated chair's sitter (70 kg)
// then does: the seat's share of the load, the centre of pressure, backrest and foot contact.
struct Hold {
  Posture posture;
  const char* ask;
  double seat_share, x, y, back, feet;
};
constexpr double kSimulatedKg = 70;
const Hold kHolds[] = {
    {Posture::upright, "Sit upright, as you usually sit to work: your back against the backrest, feet flat.", 1, 0,
     0, 0.6, 0.8},
    {Posture::slouching, "Slouch: slide your hips forward and round your back away from the backrest.", 1, 0, 0.12,
     0.05, 0.8},
    {Posture::leaning_left, "Lean to your left, as if reaching for something beside the chair.", 1, -0.4, 0, 0.4, 0.8},
    {Posture::leaning_right, "Lean to your right.", 1, 0.4, 0, 0.4, 0.8},
    {Posture::leaning_forward, "Lean forward toward the desk, weight on your feet and forearms.", 0.85, 0, 0.4, 0,
     1},
    {Posture::reclined, "Recline: lean back into the backrest.", 1, 0, -0.25, 0.9, 0.6},
};

HeldLoad load_of(const Hold& h, const ChannelLayout& layout) {
  HeldLoad load{kSimulatedKg * h.seat_share, h.x, h.y, {}};
  for (const auto& ch : layout.channels) {
    if (ch.role == Role::back) load.pressed[ch.name] = h.back;
    if (ch.role == Role::foot) load.pressed[ch.name] = h.feet;
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
  std::vector<LabelledSample> samples;
  int step = 0;
  for (const Hold& hold : kHolds) {
    const std::string name(to_string(hold.posture));
    ask.wait(name, std::to_string(++step) + ". " + hold.ask);
    chair.act(load_of(hold, config.layout));
    // The first hold is longer: sitting down must be seen first (occupancy's debounce).
    const double seconds = step == 1 ? hold_s + config.analysis.occupancy.debounce_s + 1 : hold_s;
    std::printf("  hold it...");
    std::fflush(stdout);
    std::optional<double> start;
    for (;;) {
      hw::HardwareReading reading = chair.read(*source);
      for (std::size_t i = 0; i < reading.health.size() && i < reading.sample.values.size(); ++i)
        if (!reading.health[i].ok) reading.sample.values[i] = NAN;
      if (!start) start = reading.sample.t;
      if (reading.sample.t - *start > seconds) break;
      samples.push_back({reading.sample, name});
    }
    std::printf(" done\n");
  }
  chair.act({});
  PostureFitOptions options;
  // The movement into a posture is left out, at most 40 % of a hold.
  options.settle_s = std::min(posture_settle_s(config), 0.4 * hold_s);
  PostureModel model;
  try {
    model = learn_postures(samples, Units::raw, config, options, "calibrate --postures");
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
