// chairhub probe: the first thing to run after wiring a chair. Lists what [hardware] says is
// wired, reads every sensor a few times and says in plain words what is wrong; --outputs blinks
// or chirps each output. Exits 1 when anything is wrong.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "cli/commands.hpp"
#include "cli/hardware.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::cli {
namespace {

struct ChannelStats {
  int ok = 0;
  double min = INFINITY, max = -INFINITY, sum = 0;
  bool saturated = false;
  std::string first_fault, last_fault;
};

class Prober {
 public:
  Prober(ChairHardware& chair, int reads) : chair_(chair), reads_(reads) {}

  void run(bool play_outputs) {
    std::printf("chairhub probe: %s, %d reads per sensor%s\n", chair_.config().path.c_str(), reads_,
                chair_.simulated() ? " (simulated chair)" : "");
    const auto& w = chair_.wiring();
    for (const auto& g : w.hx711) probe_hx711(g);
    for (const auto& a : w.ads1115) probe_ads1115(a);
    if (!w.outputs.empty()) probe_outputs(play_outputs);
    for (const auto& name : chair_.unwired()) {
      problem(name + ": in the config's channels but not wired in [hardware] (wire it, or remove its [[channel]])");
    }
    if (w.hx711.empty() && w.ads1115.empty()) problem("[hardware] wires no sensor");
    if (problems_.empty()) {
      std::printf("\nall good: every sensor answered\n");
      return;
    }
    std::printf("\n%zu problem%s:\n", problems_.size(), problems_.size() == 1 ? "" : "s");
    for (const auto& p : problems_) std::printf("  %s\n", p.c_str());
  }

  bool failed() const { return !problems_.empty(); }

 private:
  void problem(const std::string& text) {
    if (std::find(problems_.begin(), problems_.end(), text) == problems_.end()) problems_.push_back(text);
  }

  // Opens one part of the wiring on its own, so a bus that cannot be opened does not hide the
  // state of everything else.
  template <typename Inputs>
  static std::vector<std::string> channel_names(const Inputs& inputs) {
    std::vector<std::string> names;
    names.reserve(inputs.size());
    for (const auto& in : inputs) names.push_back(in.channel);
    return names;
  }

  std::unique_ptr<hw::HardwareSource> open(const hw::HardwareConfig& part, const std::vector<std::string>& channels) {
    try {
      return chair_.open(&part);
    } catch (const hw::DeviceError& e) {
      const std::string what = e.what();
      std::printf("  FAULT    %s\n", what.c_str());
      for (const auto& ch : channels) std::printf("  %-10s not tried\n", ch.c_str());
      problem(what);
      return nullptr;
    }
  }

  // Reads `channels` of `source` reads_ times; returns the measured reads per second.
  double sample(hw::HardwareSource& source, const std::vector<std::string>& channels,
                std::vector<ChannelStats>& stats) {
    chair_.read(source);  // the HX711 settles after power-up; its first value is not typical
    stats.assign(channels.size(), {});
    const hw::Nanos start = chair_.clock().now();
    for (int r = 0; r < reads_; ++r) {
      const hw::HardwareReading reading = chair_.read(source);
      for (std::size_t i = 0; i < channels.size(); ++i) {
        const std::size_t slot = *chair_.layout().find(channels[i]);
        const Channel& ch = chair_.layout().channels[slot];
        ChannelStats& s = stats[i];
        const double v = reading.sample.values[slot];
        if (!reading.health[slot].ok || std::isnan(v)) {
          s.last_fault = reading.health[slot].fault;
          if (s.first_fault.empty()) s.first_fault = s.last_fault;
          continue;
        }
        s.last_fault.clear();
        ++s.ok;
        s.sum += v;
        s.min = std::min(s.min, v);
        s.max = std::max(s.max, v);
        s.saturated = s.saturated || v <= ch.raw_min || v >= ch.raw_max;
      }
    }
    const double seconds = hw::to_seconds(chair_.clock().now() - start);
    return seconds > 0 ? reads_ / seconds : 0;
  }

  void report(const std::string& channel, const std::string& where, const ChannelStats& s) {
    const std::string head = "  " + pad(channel, 10) + " " + pad(where, 14);
    if (!s.last_fault.empty() || s.ok * 2 < reads_) {
      const std::string fault = channel_fault(channel, s.last_fault.empty() ? s.first_fault : s.last_fault);
      std::printf("%s FAULT  %s\n", head.c_str(), fault.c_str());
      problem(fault);
      return;
    }
    std::printf("%s ok     raw %.0f (%.0f to %.0f)", head.c_str(), s.sum / s.ok, s.min, s.max);
    if (s.ok < reads_) std::printf("; %d of %d reads failed: %s", reads_ - s.ok, reads_, s.first_fault.c_str());
    std::printf("\n");
    if (s.saturated) {
      problem(channel + ": reads at the chip's limit: check the sensor's wires (a load cell's E+/E-/A+/A-, a "
                        "pad's divider resistor)");
    }
  }

  void probe_hx711(const hw::Hx711Group& g) {
    std::printf("\nHX711 load cells: clock on line %s, %d samples/s, gain %d\n", g.clock.text().c_str(), g.rate_sps,
                hw::hx711_gain_number(g.gain));
    hw::HardwareConfig part = only_part();
    part.hx711 = {in_layout_order(g)};
    const auto& inputs = part.hx711.front().inputs;
    const std::vector<std::string> channels = channel_names(inputs);
    const auto source = open(part, channels);
    if (!source) return;
    std::vector<ChannelStats> stats;
    const double rate = sample(*source, channels, stats);
    for (std::size_t i = 0; i < channels.size(); ++i) report(channels[i], "data line " + inputs[i].data.text(), stats[i]);
    std::printf("  %.1f reads/s\n", rate);
    // Every chip answering yet much faster than configured: the RATE pin says 80.
    const bool all_ok = std::all_of(stats.begin(), stats.end(), [&](const ChannelStats& s) { return s.ok == reads_; });
    if (all_ok && rate > 1.5 * g.rate_sps) {
      problem("HX711 on clock line " + g.clock.text() + ": reads come at " + fmt(rate) + "/s but rate = " +
              std::to_string(g.rate_sps) + ": is the RATE pin tied high? then set rate = 80");
    }
  }

  void probe_ads1115(const hw::Ads1115Chip& a) {
    char addr[8];
    std::snprintf(addr, sizeof addr, "0x%02x", a.address);
    std::printf("\nADS1115 pads at %s on %s: %g V full scale, %d samples/s, %s\n", addr, i2c_bus_path(a.bus).c_str(),
                a.settings.full_scale, a.settings.rate_sps,
                a.settings.mode == hw::AdsMode::single_shot ? "single-shot" : "continuous");
    hw::HardwareConfig part = only_part();
    part.ads1115 = {in_layout_order(a)};
    const auto& inputs = part.ads1115.front().inputs;
    const std::vector<std::string> channels = channel_names(inputs);
    const auto source = open(part, channels);
    if (!source) return;
    std::vector<ChannelStats> stats;
    const double rate = sample(*source, channels, stats);
    const bool none = std::all_of(stats.begin(), stats.end(), [](const ChannelStats& s) { return s.ok == 0; });
    if (none) {
      // One message for the chip rather than the same one per input.
      const std::string& why = stats.front().last_fault;
      const std::string chip = std::string(addr) + " on " + i2c_bus_path(a.bus);
      const std::string fault = why.find("no answer from") != std::string::npos
                                    ? "no chip at " + chip + ": check SDA/SCL, power and the ADDR pin"
                                    : "ADS1115 at " + chip + ": " + why;
      std::printf("  FAULT    %s\n", fault.c_str());
      problem(fault);
      return;
    }
    for (std::size_t i = 0; i < channels.size(); ++i) report(channels[i], "AIN" + std::to_string(inputs[i].input), stats[i]);
    std::printf("  %.1f reads/s of all %zu inputs\n", rate, channels.size());
  }

  void probe_outputs(bool play) {
    std::printf("\nOutputs\n");
    hw::HardwareConfig part = only_part();
    part.outputs = chair_.wiring().outputs;
    std::vector<std::string> names;
    for (const auto& o : part.outputs) names.push_back(o.name);
    const auto source = open(part, names);
    if (!source) return;
    for (std::size_t i = 0; i < part.outputs.size(); ++i) {
      const auto& o = part.outputs[i];
      const bool led = o.kind == hw::OutputKind::led;
      std::printf("  %s %s %s", pad(o.name, 10).c_str(), pad("line " + o.line.text(), 14).c_str(), led ? "LED   " : "buzzer");
      if (!play) {
        std::printf("  (--outputs %s it)\n", led ? "blinks" : "chirps");
        continue;
      }
      std::printf("  %s now...", led ? "blinking 3 times" : "chirping twice");
      std::fflush(stdout);
      const hw::Pattern pattern = led ? hw::blink_code(3) : twice(hw::chirp());
      play_pattern(*source->player(), pattern, i);
      std::printf(" done\n");
    }
  }

  // Plays on this thread: probe has nothing else to do meanwhile.
  void play_pattern(hw::PatternPlayer& player, const hw::Pattern& pattern, std::size_t output) {
    hw::Clock& clock = chair_.clock();
    player.play(pattern, clock.now(), output);
    while (const auto next = player.step(clock.now())) {
      const hw::Nanos wait = *next - clock.now();
      if (wait > hw::Nanos{0}) clock.sleep(wait);
    }
  }

  static hw::Pattern twice(hw::Pattern p) {
    p.repeat = 2;
    return p;
  }

  // The TOML tables come sorted by name; the log and replay show the layout's order.
  template <typename Chip>
  Chip in_layout_order(Chip chip) const {
    std::stable_sort(chip.inputs.begin(), chip.inputs.end(), [&](const auto& a, const auto& b) {
      return *chair_.layout().find(a.channel) < *chair_.layout().find(b.channel);
    });
    return chip;
  }

  hw::HardwareConfig only_part() const {
    hw::HardwareConfig part = chair_.wiring();
    part.hx711.clear();
    part.ads1115.clear();
    part.outputs.clear();
    return part;
  }

  static std::string pad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
  }
  static std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
  }

  ChairHardware& chair_;
  int reads_;
  std::vector<std::string> problems_;
};

}  // namespace

void add_probe(CLI::App& app, int& status) {
  struct Args {
    HardwareArgs hardware;
    int reads = 5;
    bool outputs = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("probe", "check the wiring: read every sensor a few times and say what is wrong");
  add_hardware_options(*cmd, args->hardware);
  cmd->add_option("--reads", args->reads, "reads per sensor")->check(CLI::Range(1, 10000))->capture_default_str();
  cmd->add_flag("--outputs", args->outputs, "also blink each LED and chirp each buzzer, one after the other");
  cmd->callback([args, &status] {
    // Probing comes before calibrating, so a calibration file need not exist yet.
    const DaemonConfig config = wiring_config(args->hardware);
    ChairHardware chair(config, args->hardware.simulate);
    Prober prober(chair, args->reads);
    prober.run(args->outputs);
    std::fflush(stdout);
    status = prober.failed() ? 1 : 0;
  });
}

}  // namespace chairhub::cli
