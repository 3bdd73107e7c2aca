#include "cli/hardware.hpp"

#include <ctime>

#include "core/input_error.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::cli {

void add_hardware_options(CLI::App& cmd, HardwareArgs& args) {
  cmd.add_option("-c,--config", args.config, "config file with a [hardware] section")->capture_default_str();
  // Hidden: for the tests and for trying the commands without a chair.
  cmd.add_option("--simulate", args.simulate, "a simulated chair (TOML) instead of the devices")
      ->check(CLI::ExistingFile)
      ->group("");
}

DaemonConfig wiring_config(const HardwareArgs& args) {
  return load_daemon_config(args.config, {.apply_calibration = false, .read_scenario = false});
}

ChairHardware::ChairHardware(const DaemonConfig& config, const std::string& simulate) : config_(config.chair) {
  if (!config.hardware) {
    throw InputError(config.path(), 0,
                     "no [hardware] section: say which pins and chips the sensors are wired to (see hw/README.md)");
  }
  wiring_ = *config.hardware;
  if (!simulate.empty()) sim_ = std::make_unique<SimChair>(simulate, wiring_, config_.layout, clock_);
}

ChairHardware::~ChairHardware() = default;

std::unique_ptr<hw::HardwareSource> ChairHardware::open(const hw::HardwareConfig* part) {
  try {
    return std::make_unique<hw::HardwareSource>(part ? *part : wiring_, config_.layout,
                                                sim_ ? sim_->backends() : hw::linux_backends(), clock_);
  } catch (const hw::DeviceError& e) {
    // The likeliest holder of the lines and the bus while someone wires the chair.
    if (e.kind() != hw::ErrorKind::busy) throw;
    throw hw::DeviceError(e.kind(), std::string(e.what()) + "; if chairhubd is running, `systemctl stop chairhubd` first");
  }
}

hw::HardwareReading ChairHardware::read(hw::HardwareSource& source) {
  if (sim_) sim_->update();
  return source.read();
}

void ChairHardware::act(const Scene& scene) {
  if (sim_) sim_->hold(scene);
}

std::vector<std::string> ChairHardware::unwired() const {
  std::vector<std::string> out;
  for (const auto& ch : config_.layout.channels) {
    bool wired = false;
    for (const auto& g : wiring_.hx711)
      for (const auto& in : g.inputs) wired = wired || in.channel == ch.name;
    for (const auto& a : wiring_.ads1115)
      for (const auto& in : a.inputs) wired = wired || in.channel == ch.name;
    if (!wired) out.push_back(ch.name);
  }
  return out;
}

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string i2c_bus_path(int bus) { return "/dev/i2c-" + std::to_string(bus); }

std::string channel_fault(const std::string& channel, const std::string& fault) {
  for (const std::string chip : {"HX711 ", "ADS1115 "}) {
    if (fault.rfind(chip, 0) == 0) return chip + channel + ": " + fault.substr(chip.size());
  }
  return channel + ": " + fault;
}

}  // namespace chairhub::cli
