// chairhub record: reads the sensors and writes a raw log (docs/log-format.md) that `replay`
// with the same config turns into events. Runs until --duration has passed or SIGINT/SIGTERM
// arrives, and leaves a complete file either way.
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>

#include "cli/commands.hpp"
#include "cli/hardware.hpp"
#include "cli/usage.hpp"
#include "core/input_error.hpp"
#include "hw/util/device_error.hpp"
#include "hw/util/realtime.hpp"
#include "log/log_writer.hpp"

namespace chairhub::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void on_stop_signal(int) { g_stop = 1; }

// SIGINT and SIGTERM end the recording at the next sample instead of killing the process with
// half a line in the file. The old handlers come back when recording ends.
class StopSignals {
 public:
  StopSignals() {
    g_stop = 0;
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  bool stopped() const { return g_stop != 0; }

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// The nominal samples per second: the first group's, which paces the reads when any group does
// (the registry puts those first).
double nominal_rate(const hw::HardwareConfig& w) { return w.groups.empty() ? 0 : w.groups.front()->sample_rate(); }

class Output {
 public:
  explicit Output(const std::string& path) : path_(path.empty() ? "-" : path) {
    if (path_ == "-") {
      file_ = stdout;
      return;
    }
    file_ = std::fopen(path_.c_str(), "wb");
    if (!file_) throw InputError(path_, 0, std::string("cannot write: ") + std::strerror(errno));
  }
  ~Output() {
    if (file_ && file_ != stdout) std::fclose(file_);
  }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::FILE* file() { return file_; }
  const std::string& name() const { return path_; }
  bool is_stdout() const { return file_ == stdout; }

  // Writes out what the stdio buffer holds; on close also to the disk, so the log survives a
  // power cut right after the command returns.
  void flush(bool to_disk) {
    const bool ok = std::fflush(file_) == 0 && !std::ferror(file_);
    if (!ok) throw InputError(path_, 0, std::string("write failed: ") + std::strerror(errno));
    if (to_disk && !is_stdout()) ::fsync(fileno(file_));
  }
  void close() {
    flush(true);
    if (!is_stdout()) {
      std::FILE* f = file_;
      file_ = nullptr;
      if (std::fclose(f) != 0) throw InputError(path_, 0, std::string("write failed: ") + std::strerror(errno));
    }
  }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
};

// Says when a sensor fails or comes back, once. A failure is told when it has lasted a few
// samples: a single disturbed read is not news, and the HX711's message is complete by then.
class FaultTeller {
 public:
  FaultTeller(const ChannelLayout& layout, const std::vector<bool>& wired)
      : layout_(layout), wired_(wired), failing_(layout.size(), 0) {}

  void tell(double t, const std::vector<hw::ChannelHealth>& health) {
    for (std::size_t i = 0; i < failing_.size(); ++i) {
      if (!wired_[i]) continue;
      const auto& h = health[i];
      const std::string& name = layout_.channels[i].name;
      if (h.ok) {
        if (failing_[i] >= kTellAfter) std::fprintf(stderr, "chairhub record: %.1f s: %s reads again\n", t, name.c_str());
        failing_[i] = 0;
      } else if (++failing_[i] == kTellAfter) {
        std::fprintf(stderr, "chairhub record: %.1f s: %s\n", t, channel_fault(name, h.fault).c_str());
      }
    }
  }

 private:
  static constexpr int kTellAfter = 3;
  const ChannelLayout& layout_;
  const std::vector<bool>& wired_;
  std::vector<int> failing_;  // failed reads in a row
};

// Layout channels the wiring reads, said for those it does not.
std::vector<bool> wired_channels(const ChairHardware& chair) {
  std::vector<bool> wired(chair.layout().size(), true);
  for (const auto& name : chair.unwired()) {
    std::fprintf(stderr, "chairhub record: %s is not wired in [hardware]; its column stays empty\n", name.c_str());
    wired[*chair.layout().find(name)] = false;
  }
  return wired;
}

void say_start(const Output& out, double duration) {
  char until[48] = "Ctrl-C stops";
  if (duration > 0) std::snprintf(until, sizeof until, "for %g s", duration);
  std::fprintf(stderr, "chairhub record: writing %s, %s\n", out.is_stdout() ? "to standard output" : out.name().c_str(),
               until);
}

// The sensors, at real-time priority where there is one.
std::unique_ptr<hw::HardwareSource> open_for_recording(ChairHardware& chair) {
  std::unique_ptr<hw::HardwareSource> source;
  try {
    source = chair.open();
  } catch (const hw::DeviceError& e) {
    throw InputError(chair.config().path, 0, std::string(e.what()) + " (`chairhub probe` checks the wiring)");
  }
  const hw::HardwareConfig& wiring = chair.wiring();
  if (wiring.realtime && !chair.simulated()) {
    const std::string why = hw::enable_realtime(wiring.realtime_priority);
    if (!why.empty()) std::fprintf(stderr, "chairhub record: no real-time priority (%s); disturbed reads are retried\n", why.c_str());
  }
  return source;
}

}  // namespace

void add_record(CLI::App& app, int& status) {
  struct Args {
    HardwareArgs hardware;
    std::string output;
    double duration = 0;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("record", "read the sensors and write a raw log that `replay` can run");
  cmd->footer(
      "Examples:\n"
      "  chairhub record -c /etc/chairhub/chairhub.toml -o today.csv              until Ctrl-C\n"
      "  chairhub record -c /etc/chairhub/chairhub.toml --duration 600 | chairhub replay -");
  add_hardware_options(*cmd, args->hardware);
  cmd->add_option("-o,--output", args->output, "the log to write; default (or -) standard output");
  cmd->add_option("--duration", args->duration, "stop after this many seconds; default: until Ctrl-C or SIGTERM")
      ->check(between(0, 1e9));
  cmd->callback([args, &status] {
    // A raw log needs no calibration: recording may come before `chairhub calibrate`.
    const DaemonConfig daemon_config = wiring_config(args->hardware);
    const Config& config = daemon_config.chair;
    ChairHardware chair(daemon_config, args->hardware.simulate);
    const hw::HardwareConfig& wiring = chair.wiring();
    const std::vector<bool> wired = wired_channels(chair);
    std::unique_ptr<hw::HardwareSource> source = open_for_recording(chair);

    Output out(args->output);
    char rate[32];
    std::snprintf(rate, sizeof rate, "%g", nominal_rate(wiring));
    LogWriter writer(out.file(), config.layout, Units::raw,
                     {{"rate_hz", rate}, {"source", "chairhub record"}, {"start", utc_timestamp()}, {"config", config.path}},
                     false);
    say_start(out, args->duration);

    const StopSignals signals;
    FaultTeller faults(config.layout, wired);
    std::size_t samples = 0;
    double t0 = 0, t = 0, flushed = 0;
    while (!signals.stopped()) {
      hw::HardwareReading reading = chair.read(*source);
      if (samples == 0) t0 = reading.sample.t;
      // The log's time starts at 0, to a tenth of a millisecond: finer is noise of the scheduler.
      t = std::round((reading.sample.t - t0) * 1e4) / 1e4;
      reading.sample.t = t;
      writer.write(reading.sample);
      ++samples;
      faults.tell(t, reading.health);
      if (t - flushed >= 1) {  // at most a second of samples lost if the Pi loses power
        out.flush(false);
        flushed = t;
      }
      if (args->duration > 0 && t >= args->duration) break;
    }
    out.close();
    std::fprintf(stderr, "chairhub record: %zu samples over %.1f s%s\n", samples, t,
                 signals.stopped() ? " (stopped by signal)" : "");
    status = 0;
  });
}

}  // namespace chairhub::cli
