#include "cli/hardware.hpp"

#include <ctime>

#include "core/input_error.hpp"
#include "hw/chip/registry.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::cli {

void add_hardware_options(CLI::App& cmd, HardwareArgs& args) {
  cmd.add_option("-c,--config", args.config, "config file with a [hardware] section")->capture_default_str();
  // Hidden: for the tests and for trying the commands without a chair.
  cmd.add_option("--simulate", args.simulate, "a scenario acted out on simulated chips instead of the devices")
      ->check(CLI::ExistingFile)
      ->group("");
}

DaemonConfig wiring_config(const HardwareArgs& args) {
  return load_daemon_config(args.config, {.apply_calibration = false, .check_runtime = false});
}

ChairHardware::ChairHardware(const DaemonConfig& config, const std::string& simulate) : config_(config.chair) {
  if (!config.hardware) {
    throw InputError(config.path(), 0,
                     "no [hardware] section: say which pins and chips the sensors are wired to (see hw/README.md)");
  }
  wiring_ = *config.hardware;
  if (!simulate.empty())
    sim_ = std::make_unique<SimulatedDevices>(load_scenario(simulate, config_.layout), config_.layout, wiring_, clock_);
}

ChairHardware::~ChairHardware() = default;

hw::Backends ChairHardware::backends() { return sim_ ? sim_->backends() : hw::linux_backends(); }

namespace {

// Opens with `open`, saying what likely holds a busy line or bus while someone wires the chair.
template <typename Open>
auto opening(Open open) {
  try {
    return open();
  } catch (const hw::DeviceError& e) {
    if (e.kind() != hw::ErrorKind::busy) throw;
    throw hw::DeviceError(e.kind(), std::string(e.what()) + "; if chairhubd is running, `systemctl stop chairhubd` first");
  }
}

}  // namespace

std::unique_ptr<hw::HardwareSource> ChairHardware::open(const hw::HardwareConfig* part) {
  if (!part) held_outputs_.reset();
  auto source = opening([&] {
    return std::make_unique<hw::HardwareSource>(part ? *part : wiring_, config_.layout, backends(), clock_);
  });
  // The whole wiring is held as chairhubd holds it, outputs too, so that a line taken elsewhere
  // stops `record` and `calibrate` as it would stop the daemon.
  if (!part) held_outputs_ = open_outputs(wiring_);
  return source;
}

std::unique_ptr<hw::Outputs> ChairHardware::open_outputs() {
  hw::HardwareConfig part = wiring_;
  part.groups.clear();  // the GPIO chip is found by the outputs' lines alone
  return open_outputs(part);
}

std::unique_ptr<hw::Outputs> ChairHardware::open_outputs(const hw::HardwareConfig& wiring) {
  return opening([&] {
    hw::ChipDevices devices(backends(), clock_, wiring.gpio_chip, wiring.all_lines());
    return hw::open_outputs(wiring.outputs, devices);
  });
}

hw::HardwareReading ChairHardware::read(hw::HardwareSource& source) {
  if (sim_) sim_->step();
  return source.read();
}

void ChairHardware::act(const HeldLoad& load) {
  if (sim_) sim_->hold(load);
}

std::vector<std::string> ChairHardware::unwired() const { return hw::unwired_channels(wiring_, config_.layout); }

std::string channel_fault(const std::string& channel, const std::string& fault) {
  for (const hw::ChipKind& kind : hw::chip_kinds()) {
    const std::string chip = std::string(kind.name) + " ";
    if (fault.rfind(chip, 0) == 0) return chip + channel + ": " + fault.substr(chip.size());
  }
  return channel + ": " + fault;
}

}  // namespace chairhub::cli
