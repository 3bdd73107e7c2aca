// chairhub probe: the first thing to run after wiring a chair. Lists what [hardware] says is
// wired, reads every sensor a few times and says in plain words what is wrong; --outputs blinks
// or chirps each output. Exits 1 when anything is wrong.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "cli/commands.hpp"
#include "cli/hardware.hpp"
#include "cli/usage.hpp"
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
    for (const auto& g : w.groups) probe_group(*g);
    if (!w.outputs.empty()) probe_outputs(play_outputs);
    for (const auto& name : chair_.unwired()) {
      problem(name + ": in the config's channels but not wired in [hardware] (wire it, or remove its [[channel]])");
    }
    if (w.groups.empty()) problem("[hardware] wires no sensor");
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

  // Opens one part of the wiring on its own (with `open`), so a bus that cannot be opened does
  // not hide the state of everything else.
  template <typename Open>
  auto try_open(Open open, const std::vector<std::string>& channels) -> decltype(open()) {
    try {
      return open();
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

  void probe_group(const hw::ChipConfig& chip) {
    std::printf("\n%s\n", chip.heading().c_str());
    // The TOML tables come sorted by name; the log and replay show the layout's order.
    hw::HardwareConfig part = only_part();
    part.groups = {chip.sorted([&](const std::string& channel) { return *chair_.layout().find(channel); })};
    const hw::ChipConfig& sorted = *part.groups.front();
    std::vector<std::string> channels;
    std::vector<std::string> wheres;
    for (const hw::WiredInput& in : sorted.wired()) {
      channels.push_back(in.channel);
      wheres.push_back(in.where);
    }
    const auto source = try_open([&] { return chair_.open(&part); }, channels);
    if (!source) return;
    std::vector<ChannelStats> stats;
    const double rate = sample(*source, channels, stats);
    const bool none = std::all_of(stats.begin(), stats.end(), [](const ChannelStats& s) { return s.ok == 0; });
    if (const std::string fault = none ? sorted.silent_chip(stats.front().last_fault) : ""; !fault.empty()) {
      std::printf("  FAULT    %s\n", fault.c_str());
      problem(fault);
      return;
    }
    for (std::size_t i = 0; i < channels.size(); ++i) report(channels[i], wheres[i], stats[i]);
    std::printf("  %s\n", sorted.rate_text(rate).c_str());
    const bool all_ok = std::all_of(stats.begin(), stats.end(), [&](const ChannelStats& s) { return s.ok == reads_; });
    if (const std::string rate_problem = all_ok ? sorted.rate_problem(rate) : ""; !rate_problem.empty())
      problem(rate_problem);
  }

  void probe_outputs(bool play) {
    std::printf("\nOutputs\n");
    const auto& outputs = chair_.wiring().outputs;
    std::vector<std::string> names;
    names.reserve(outputs.size());
    for (const auto& o : outputs) names.push_back(o.name);
    const auto opened = try_open([&] { return chair_.open_outputs(); }, names);
    if (!opened) return;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      const auto& o = outputs[i];
      const bool led = o.kind == hw::OutputKind::led;
      std::printf("  %s %s %s", pad(o.name, 10).c_str(), pad("line " + o.line.text(), 14).c_str(), led ? "LED   " : "buzzer");
      if (!play) {
        std::printf("  (--outputs %s it)\n", led ? "blinks" : "chirps");
        continue;
      }
      std::printf("  %s now...", led ? "blinking 3 times" : "chirping twice");
      std::fflush(stdout);
      const hw::Pattern pattern = led ? hw::blink_code(3) : twice(hw::chirp());
      play_pattern(opened->player(), pattern, i);
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

  hw::HardwareConfig only_part() const {
    hw::HardwareConfig part = chair_.wiring();
    part.groups.clear();
    part.outputs.clear();
    return part;
  }

  static std::string pad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
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
  cmd->footer(
      "Examples:\n"
      "  chairhub probe -c /etc/chairhub/chairhub.toml              every sensor, in plain words\n"
      "  chairhub probe -c /etc/chairhub/chairhub.toml --outputs    ...and blink the LED, chirp the buzzer");
  add_hardware_options(*cmd, args->hardware);
  cmd->add_option("--reads", args->reads, "reads per sensor")->check(between(1, 10000))->capture_default_str();
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
