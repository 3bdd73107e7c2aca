// chairhub calibrate: the guided calibration of calibration/steps.hpp on standard input (a
// terminal or a pipe): each step's instruction, Enter, the sensors read meanwhile; then the
// calibration file written atomically. `--tare` only measures the empty seat and updates the
// offsets.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "analysis/posture_fit.hpp"
#include "calibration/file.hpp"
#include "calibration/steps.hpp"
#include "cli/commands.hpp"
#include "cli/hardware.hpp"
#include "cli/posture_calibration.hpp"
#include "cli/prompter.hpp"
#include "cli/usage.hpp"
#include "core/input_error.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::cli {
namespace {

// Walks the steps on the chair: asks, tells the simulated chair, reads the sensors.
class Session {
 public:
  Session(ChairHardware& chair, hw::HardwareSource& source, Prompter& ask, int samples)
      : chair_(chair), source_(source), ask_(ask), samples_(samples) {}

  // The person's part of a step, then the readings meanwhile.
  std::vector<double> take(const CalibrationStep& step) {
    ask_.wait(step.name, step.text);
    HeldLoad load{step.kg, step.x, step.y, {}};
    if (!step.pressed.empty()) load.pressed[step.pressed] = 1.0;
    chair_.act(load);
    return measure(step.measuring, step.slots);
  }

  // Mean raw reading of each of `slots` over the step. A channel with no good reading at all
  // stops the calibration with its fault; one that failed now and then is averaged over the rest.
  std::vector<double> measure(const std::string& step, const std::vector<std::size_t>& slots) {
    std::printf("  measuring %s...", step.c_str());
    std::fflush(stdout);
    std::vector<std::vector<double>> rows;
    std::vector<std::string> fault(slots.size());
    std::vector<std::string> names;
    names.reserve(slots.size());
    for (std::size_t slot : slots) names.push_back(layout().channels[slot].name);
    for (int r = 0; r < samples_; ++r) {
      const hw::HardwareReading reading = chair_.read(source_);
      std::vector<double> row;
      for (std::size_t i = 0; i < slots.size(); ++i) {
        row.push_back(reading.health[slots[i]].ok ? reading.sample.values[slots[i]] : NAN);
        if (!reading.health[slots[i]].ok) fault[i] = reading.health[slots[i]].fault;
      }
      rows.push_back(std::move(row));
    }
    std::printf(" done\n");
    for (std::size_t i = 0; i < slots.size(); ++i) {
      const bool none = std::all_of(rows.begin(), rows.end(), [&](const auto& row) { return std::isnan(row[i]); });
      if (none) throw InputError("calibrate", 0, step + ": " + channel_fault(names[i], fault[i]) + "; nothing written");
    }
    return column_means(rows, names);
  }

  ChairHardware& chair() { return chair_; }
  const ChannelLayout& layout() const { return chair_.layout(); }

 private:
  ChairHardware& chair_;
  hw::HardwareSource& source_;
  Prompter& ask_;
  int samples_;
};

CalibrationPlan plan(const ChairHardware& chair) {
  return plan_calibration(chair.layout(), chair.unwired(), chair.config().path,
                          [](const Channel& ch) { std::printf("note: %s is not wired in [hardware]; skipped\n", ch.name.c_str()); });
}

CalibrationResult full_calibration(Session& session, double kg) {
  FullCalibration cal(session.layout(), plan(session.chair()), kg);
  cal.empty_measured(session.take(cal.empty_step()));
  for (const CalibrationStep& step : cal.weight_steps()) cal.weight_measured(step, session.take(step));
  const ScaleFit& fit = cal.solve();
  std::printf("  fit: the placements agree to %.3f kg (rms); worst %.3f kg at the %s\n", fit.rms_kg, fit.worst_kg,
              fit.worst_where.c_str());
  cal.check_fit();
  const std::vector<CalibrationStep> pads = cal.pad_steps();
  for (const CalibrationStep& step : pads) cal.pad_measured(step, session.take(step).front());
  if (!pads.empty()) std::printf("  you can let go.\n");
  session.chair().act({});
  return cal.result(utc_timestamp());
}

CalibrationResult tare(Session& session, const std::string& file) {
  const CalibrationPlan p = plan(session.chair());
  // Only the offsets change; the rest of an earlier calibration stays as it was.
  const Calibration earlier = std::filesystem::exists(file) ? load_calibration(file, session.layout()) : Calibration{};
  ChannelLayout before = session.layout();
  apply_calibration(earlier, before);
  const std::vector<double> offsets = session.take(tare_step(p));
  for (std::size_t i = 0; i < p.seats.size(); ++i) {
    const Channel& ch = before.channels[p.seats[i]];
    std::printf("  %-10s offset %.0f -> %.0f (%+.2f kg)\n", ch.name.c_str(), ch.offset, offsets[i],
                (offsets[i] - ch.offset) * ch.scale);
  }
  return tare_result(earlier, session.layout(), p, offsets, utc_timestamp());
}

void print_result(const Calibration& c, const ChannelLayout& layout) {
  std::printf("\n");
  for (const auto& ch : layout.channels) {
    const auto it = c.find(ch.name);
    if (it == c.end()) continue;
    std::string line;
    const auto add = [&](const char* key, const std::optional<double>& v, const char* format) {
      if (!v) return;
      char buf[64];
      std::snprintf(buf, sizeof buf, format, *v);
      line += (line.empty() ? "" : ", ") + std::string(key) + " " + buf;
    };
    add("offset", it->second.offset, "%.0f");
    add("scale", it->second.scale, "%.6g kg per count");
    add("empty", it->second.empty, "%.0f");
    add("full", it->second.full, "%.0f");
    std::printf("  %-10s %s\n", ch.name.c_str(), line.c_str());
  }
}

struct CalibrateArgs {
  HardwareArgs hardware;
  double weight = 0;
  int samples = 20;
  bool tare = false;
  bool postures = false;
  double hold_s = kDefaultPostureHoldSeconds;
  std::string output;
};

void calibrate(const CalibrateArgs& args) {
  // The file is being made, so the config is read without it.
  const DaemonConfig daemon_config = wiring_config(args.hardware);
  const Config& config = daemon_config.chair;
  const std::string file = args.output.empty() ? config.calibration_file : args.output;
  if (file.empty()) {
    throw InputError(config.path, 0,
                     "no calibration file: add [calibration] file = \"calibration.toml\" to the config, or give -o FILE");
  }
  ChairHardware chair(daemon_config, args.hardware.simulate);
  const std::unique_ptr<hw::HardwareSource> source = open_chair(chair);
  std::printf("chairhub calibrate: %s -> %s%s\n", config.path.c_str(), file.c_str(),
              chair.simulated() ? " (simulated chair)" : "");
  Prompter ask;
  Session session(chair, *source, ask, args.samples);
  CalibrationResult result;
  try {
    result = args.tare ? tare(session, file)
                       : full_calibration(session, args.weight > 0 ? args.weight : ask.kg("Known weight in kg (5 kg or more): "));
  } catch (const std::invalid_argument& e) {  // the calibration maths' verdict on the readings
    throw InputError("calibrate", 0, std::string(e.what()) + "; nothing written");
  }
  write_calibration_file(file, format_calibration(result.calibration, config.layout, result.comment));
  print_result(result.calibration, config.layout);
  std::printf("\nwrote %s\n", file.c_str());
  const auto same = [](const std::string& a, const std::string& b) {
    return std::filesystem::absolute(a).lexically_normal() == std::filesystem::absolute(b).lexically_normal();
  };
  if (config.calibration_file.empty() || !same(file, config.calibration_file)) {
    std::printf("to use it, set in %s:\n  [calibration]\n  file = \"%s\"\n", config.path.c_str(), file.c_str());
  }
}

}  // namespace

void add_calibrate(CLI::App& app, int& status) {
  auto args = std::make_shared<CalibrateArgs>();
  auto* cmd = app.add_subcommand("calibrate", "guided calibration of the seat cells and pads; writes the calibration file");
  cmd->footer(
      "Examples:\n"
      "  chairhub calibrate -c /etc/chairhub/chairhub.toml                 the whole guided calibration\n"
      "  chairhub calibrate -c /etc/chairhub/chairhub.toml --weight 20     ...with a 20 kg known weight\n"
      "  chairhub calibrate -c /etc/chairhub/chairhub.toml --tare          only the empty seat again\n"
      "  chairhub calibrate -c /etc/chairhub/chairhub.toml --postures      the sitter's own postures");
  add_hardware_options(*cmd, args->hardware);
  cmd->add_option("--weight", args->weight, "the known weight in kg; asked for when not given")
      ->check(between(0.1, 500));
  cmd->add_option("--samples", args->samples, "readings averaged per step")->check(between(1, 100000))->capture_default_str();
  cmd->add_flag("--tare", args->tare, "only measure the empty seat and update the offsets");
  cmd->add_flag("--postures", args->postures,
                "instead: the sitter holds each posture in turn (upright first) and their posture model is written "
                "(default <state_dir>/postures.toml, where chairhubd reads it)")
      ->excludes("--tare");
  cmd->add_option("--hold", args->hold_s, "with --postures, seconds each posture is held")->check(between(kMinPostureHoldSeconds, kMaxPostureHoldSeconds));
  cmd->add_option("-o,--output", args->output,
                  "the file to write; default: the config's [calibration] file (with --postures, "
                  "<state_dir>/postures.toml)");
  cmd->callback([args, &status] {
    if (args->postures) calibrate_postures(args->hardware, args->output, args->hold_s);
    else calibrate(*args);
    status = 0;
  });
}

}  // namespace chairhub::cli
