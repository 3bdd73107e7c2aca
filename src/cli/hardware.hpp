#pragma once
// What `probe`, `calibrate` and `record` share: the config with its [hardware] section, the
// devices it names (the Linux ones, or with the hidden --simulate SCENARIO the software models
// of the chips acting out a scenario, service/simulated_devices.hpp), and reading them.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "core/pacing.hpp"
#include "hw/config/hardware_config.hpp"
#include "hw/output/outputs.hpp"
#include "hw/source/hardware_source.hpp"
#include "hw/util/clock.hpp"
#include "service/daemon_config.hpp"
#include "service/simulated_devices.hpp"

namespace chairhub::cli {

// Where the daemon's config lives; the wiring commands read it unless told otherwise.
inline constexpr const char* kDefaultConfig = "/etc/chairhub/chairhub.toml";

struct HardwareArgs {
  std::string config = kDefaultConfig;
  std::string simulate;  // a scenario acted out on simulated chips instead of the devices
};

// --config FILE and the hidden --simulate SCENARIO.
void add_hardware_options(CLI::App& cmd, HardwareArgs& args);
// The config of --config, read whole (throws ConfigError with every problem); the calibration
// file is not read: probing, recording and calibrating come before it exists.
DaemonConfig wiring_config(const HardwareArgs& args);

class ChairHardware {
 public:
  // The config's [hardware] wiring (read and checked against the channels with the rest of the
  // config); throws InputError when there is none.
  ChairHardware(const DaemonConfig& config, const std::string& simulate);
  ~ChairHardware();

  const Config& config() const { return config_; }
  const ChannelLayout& layout() const { return config_.layout; }
  const hw::HardwareConfig& wiring() const { return wiring_; }
  hw::Clock& clock() { return clock_; }
  bool simulated() const { return sim_ != nullptr; }

  // Opens `part` of the wiring (all of it by default); throws hw::DeviceError when a line or bus
  // cannot be had.
  std::unique_ptr<hw::HardwareSource> open(const hw::HardwareConfig* part = nullptr);
  // The LED and buzzer alone; nullptr when none are configured. Throws as open() does.
  std::unique_ptr<hw::Outputs> open_outputs();
  // One reading of every channel.
  hw::HardwareReading read(hw::HardwareSource& source);
  // The person did what a prompt asked; only the simulated chair takes notice.
  void act(const HeldLoad& load);

  // Layout channels the [hardware] section does not wire.
  std::vector<std::string> unwired() const;

 private:
  const Config& config_;
  hw::Backends backends();
  std::unique_ptr<hw::Outputs> open_outputs(const hw::HardwareConfig& wiring);

  hw::HardwareConfig wiring_;
  hw::SteadyClock clock_;
  std::unique_ptr<SimulatedDevices> sim_;
  std::unique_ptr<hw::Outputs> held_outputs_;  // by open() of the whole wiring
};

// "HX711 data line stuck low" -> "HX711 seat_fl: data line stuck low", so a fault says which
// channel without a second line.
std::string channel_fault(const std::string& channel, const std::string& fault);

}  // namespace chairhub::cli
