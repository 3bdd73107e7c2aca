#pragma once
// A simulated chair at the chips: a scenario (sim/scenario.hpp) acted out by the simulated chair
// of sim/ on the software models of the chips (hw/sim), one step of the sitter per reading of
// the chips that set the pace, with the scenario's sensor constants and chip faults. Under
// chairhubd's `devices` source and the wiring commands' --simulate (probe, calibrate, record).
#include <memory>
#include <string>
#include <vector>

#include "core/channel.hpp"
#include "core/sample.hpp"
#include "hw/chip/chip_devices.hpp"
#include "hw/config/hardware_config.hpp"
#include "hw/gpio/gpio.hpp"
#include "hw/sim/simulated_hardware.hpp"
#include "hw/util/clock.hpp"
#include "sim/scenario.hpp"
#include "sim/simulated_chair.hpp"

namespace chairhub {

class SimulatedDevices {
 public:
  // Throws InputError, naming the scenario's file and line, for a chip fault the wired chip does
  // not know or a channel [hardware] does not wire.
  SimulatedDevices(Scenario scenario, const ChannelLayout& layout, const hw::HardwareConfig& wiring, hw::Clock& clock);

  // Devices as the backends hand them out; they must not outlive this object.
  hw::Backends backends() { return chips_.backends(); }
  hw::SimulatedHardware& chips() { return chips_; }
  // The sitter's next moment onto the chips; the scenario starts again after its end. False
  // only for a scenario with nothing in it.
  bool step();
  // The chair carries `load` from now on (sim/simulated_chair.hpp).
  void hold(const HeldLoad& load) { chair_->hold(load); }
  void release() { chair_->release(); }

 private:
  void inject_faults();

  Scenario scenario_;
  const ChannelLayout& layout_;
  hw::SimulatedHardware chips_;
  std::unique_ptr<SimulatedChair> chair_;
  std::vector<std::unique_ptr<hw::GpioLines>> taken_;  // lines "another program" holds
  Sample load_;
  std::string label_;
};

}  // namespace chairhub
