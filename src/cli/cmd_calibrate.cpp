// chairhub calibrate: a guided calibration on standard input (a terminal or a pipe). Tares the
// empty chair, takes a known weight at the centre and over each seat cell and solves the cells'
// scales by least squares, takes each pad untouched and pressed, and writes the calibration
// file atomically. `--tare` only measures the empty seat and updates the offsets.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "calibration/file.hpp"
#include "calibration/fit.hpp"
#include "cli/commands.hpp"
#include "cli/hardware.hpp"
#include "core/input_error.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::cli {
namespace {

// Questions on stdout, answers from stdin, one line each.
class Prompter {
 public:
  // Waits for Enter; "q" gives up. `step` names the step in messages.
  void wait(const std::string& step, const std::string& text) {
    const std::string answer = line(step, text + "\n  Press Enter when ready (q quits): ");
    if (answer == "q" || answer == "quit") throw InputError("calibrate", 0, "stopped at " + step + "; nothing written");
  }

  // A weight in kg, asked again until it is one.
  double kg(const std::string& text) {
    for (;;) {
      const std::string answer = line("the known weight", text);
      char* end = nullptr;
      const double v = std::strtod(answer.c_str(), &end);
      if (!answer.empty() && *end == '\0' && std::isfinite(v) && v > 0 && v < 500) return v;
      std::printf("  '%s' is not a weight in kg between 0 and 500; for example 10 or 12.5\n", answer.c_str());
    }
  }

 private:
  std::string line(const std::string& step, const std::string& text) {
    std::printf("%s", text.c_str());
    std::fflush(stdout);
    std::string answer;
    if (!std::getline(std::cin, answer)) {
      throw InputError("standard input", lines_, "ended before " + step + "; nothing written");
    }
    ++lines_;
    if (!::isatty(STDIN_FILENO)) std::printf("\n");  // piped answers are not echoed
    while (!answer.empty() && (answer.back() == '\r' || answer.back() == ' ')) answer.pop_back();
    return answer;
  }

  std::size_t lines_ = 0;
};

// "front-left corner", from a seat cell's position.
std::string spot(const Channel& ch) {
  const std::string fb = ch.y > 0 ? "front" : ch.y < 0 ? "back" : "";
  const std::string lr = ch.x < 0 ? "left" : ch.x > 0 ? "right" : "";
  if (fb.empty() && lr.empty()) return "middle";
  if (fb.empty() || lr.empty()) return fb + lr + " edge";
  return fb + "-" + lr + " corner";
}

std::string pad_spot(const Channel& ch) {
  const std::string side = ch.x < 0 ? ", left" : ch.x > 0 ? ", right" : "";
  return (ch.role == Role::back ? "backrest" : "foot pad") + side;
}

class Session {
 public:
  Session(ChairHardware& chair, hw::HardwareSource& source, int samples)
      : chair_(chair), source_(source), samples_(samples) {}

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

  const ChannelLayout& layout() const { return chair_.layout(); }

 private:
  ChairHardware& chair_;
  hw::HardwareSource& source_;
  int samples_;
};

struct Plan {
  std::vector<std::size_t> seats, pads;  // wired layout slots
};

Plan plan(const ChairHardware& chair) {
  Plan p;
  const auto unwired = chair.unwired();
  for (std::size_t i = 0; i < chair.layout().size(); ++i) {
    const Channel& ch = chair.layout().channels[i];
    const bool wired = std::find(unwired.begin(), unwired.end(), ch.name) == unwired.end();
    if (ch.role == Role::seat && !wired) {
      // Its share of the weight would go unmeasured and skew every other cell's scale.
      throw InputError(chair.config().path, 0, "seat cell " + ch.name + " is not wired in [hardware]; calibration needs every seat cell");
    }
    if (!wired) {
      std::printf("note: %s is not wired in [hardware]; skipped\n", ch.name.c_str());
      continue;
    }
    (ch.role == Role::seat ? p.seats : p.pads).push_back(i);
  }
  return p;
}

std::vector<std::string> names_of(const ChannelLayout& layout, const std::vector<std::size_t>& slots) {
  std::vector<std::string> out;
  out.reserve(slots.size());
  for (std::size_t s : slots) out.push_back(layout.channels[s].name);
  return out;
}

struct Result {
  Calibration calibration;
  std::vector<std::string> comment;
};

Result full_calibration(ChairHardware& chair, Session& session, Prompter& ask, double kg) {
  const ChannelLayout& layout = chair.layout();
  const Plan p = plan(chair);
  std::vector<std::size_t> all = p.seats;
  all.insert(all.end(), p.pads.begin(), p.pads.end());

  ask.wait("the empty chair",
           "\n1. Empty the chair: nothing on the seat, nobody touching the backrest or the foot pads.");
  chair.act({});
  const std::vector<double> empty = session.measure("the empty chair", all);
  const std::vector<double> offsets(empty.begin(), empty.begin() + static_cast<long>(p.seats.size()));

  std::vector<Placement> placements;
  char weight[32];
  std::snprintf(weight, sizeof weight, "%g kg", kg);
  const auto place = [&](const std::string& where, const std::string& text, double x, double y) {
    ask.wait(where, text);
    chair.act({kg, x, y, {}});
    placements.push_back({where, kg, session.measure("the weight at the " + where, p.seats)});
  };
  place("centre", "\n2. Put the " + std::string(weight) + " weight on the middle of the seat and take your hands off.", 0, 0);
  int n = 3;
  for (std::size_t slot : p.seats) {
    const Channel& ch = layout.channels[slot];
    // Over the cell, a little inside the seat's edge, where a weight can rest.
    place(spot(ch) + " (" + ch.name + ")",
          "\n" + std::to_string(n++) + ". Move the weight over the " + spot(ch) + " of the seat, above load cell " +
              ch.name + ", and take your hands off.",
          0.8 * ch.x, 0.8 * ch.y);
  }
  const ScaleFit fit = solve_scales(offsets, placements, names_of(layout, p.seats));
  std::printf("  fit: the placements agree to %.3f kg (rms); worst %.3f kg at the %s\n", fit.rms_kg, fit.worst_kg,
              fit.worst_where.c_str());
  if (fit.worst_kg > 0.1 * kg) {
    throw InputError("calibrate", 0,
                     "the placements disagree by up to " + std::to_string(fit.worst_kg) + " kg at the " + fit.worst_where +
                         ": did something else touch the chair, or the weight slip? Nothing written; run it again");
  }

  Result r;
  for (std::size_t i = 0; i < p.seats.size(); ++i) {
    ChannelCalibration& c = r.calibration[layout.channels[p.seats[i]].name];
    c.offset = offsets[i];
    c.scale = fit.scale[i];
  }
  for (std::size_t i = 0; i < p.pads.size(); ++i) {
    const Channel& ch = layout.channels[p.pads[i]];
    const std::string before = i == 0 ? "Take the weight off the seat. " : "Let go. ";
    ask.wait("pressing " + ch.name, "\n" + std::to_string(n++) + ". " + before + "Press the " + ch.name + " pad (" +
                                        pad_spot(ch) + ") firmly with your palm and keep pressing until it says done.");
    chair.act({0, 0, 0, {{ch.name, 1.0}}});
    const double full = session.measure(ch.name + " pressed", {p.pads[i]}).front();
    const PadLevels levels = pad_levels(empty[p.seats.size() + i], full, ch.name);
    r.calibration[ch.name].empty = levels.empty;
    r.calibration[ch.name].full = levels.full;
  }
  if (!p.pads.empty()) std::printf("  you can let go.\n");
  chair.act({});
  char fit_line[160];
  std::snprintf(fit_line, sizeof fit_line, "known weight %s at the centre and over each of %zu cells; fit %.3f kg rms, worst %.3f kg",
                weight, p.seats.size(), fit.rms_kg, fit.worst_kg);
  r.comment = {"chairhub calibration: written by `chairhub calibrate` on " + utc_timestamp(), fit_line};
  return r;
}

Result tare(ChairHardware& chair, Session& session, Prompter& ask, const std::string& file) {
  const Plan p = plan(chair);
  Result r;
  // Only the offsets change; the rest of an earlier calibration stays as it was.
  if (std::filesystem::exists(file)) r.calibration = load_calibration(file, chair.layout());
  ChannelLayout before = chair.layout();
  apply_calibration(r.calibration, before);

  ask.wait("the empty seat", "\nEmpty the seat: nothing and nobody on it.");
  chair.act({});
  const std::vector<double> offsets = session.measure("the empty seat", p.seats);
  for (std::size_t i = 0; i < p.seats.size(); ++i) {
    const Channel& ch = before.channels[p.seats[i]];
    std::printf("  %-10s offset %.0f -> %.0f (%+.2f kg)\n", ch.name.c_str(), ch.offset, offsets[i],
                (offsets[i] - ch.offset) * ch.scale);
    r.calibration[ch.name].offset = offsets[i];
  }
  r.comment = {"chairhub calibration: offsets from `chairhub calibrate --tare` on " + utc_timestamp(),
               "scales and pad levels as the last full calibration left them"};
  return r;
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

}  // namespace

void add_calibrate(CLI::App& app, int& status) {
  struct Args {
    HardwareArgs hardware;
    double weight = 0;
    int samples = 20;
    bool tare = false;
    std::string output;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("calibrate", "guided calibration of the seat cells and pads; writes the calibration file");
  add_hardware_options(*cmd, args->hardware);
  cmd->add_option("--weight", args->weight, "the known weight in kg; asked for when not given")
      ->check(CLI::Range(0.1, 500.0));
  cmd->add_option("--samples", args->samples, "readings averaged per step")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd->add_flag("--tare", args->tare, "only measure the empty seat and update the offsets");
  cmd->add_option("-o,--output", args->output, "the calibration file; default: the config's [calibration] file");
  cmd->callback([args, &status] {
    // The file is being made, so the config is read without it.
    const DaemonConfig daemon_config = wiring_config(args->hardware);
    const Config& config = daemon_config.chair;
    const std::string file = args->output.empty() ? config.calibration_file : args->output;
    if (file.empty()) {
      throw InputError(config.path, 0,
                       "no calibration file: add [calibration] file = \"calibration.toml\" to the config, or give -o FILE");
    }
    ChairHardware chair(daemon_config, args->hardware.simulate);
    std::unique_ptr<hw::HardwareSource> source;
    try {
      source = chair.open();
    } catch (const hw::DeviceError& e) {
      throw InputError(config.path, 0, std::string(e.what()) + " (`chairhub probe` checks the wiring)");
    }
    std::printf("chairhub calibrate: %s -> %s%s\n", config.path.c_str(), file.c_str(),
                chair.simulated() ? " (simulated chair)" : "");
    Prompter ask;
    Session session(chair, *source, args->samples);
    Result result;
    try {
      result = args->tare ? tare(chair, session, ask, file)
                          : full_calibration(chair, session, ask,
                                             args->weight > 0 ? args->weight : ask.kg("Known weight in kg (5 kg or more): "));
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
    status = 0;
  });
}

}  // namespace chairhub::cli
