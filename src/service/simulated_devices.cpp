#include "service/simulated_devices.hpp"

#include "core/input_error.hpp"

namespace chairhub {
namespace {

// The sitter in chip counts, one step per reading of the chips that set the pace (the HX711's
// conversions).
Scenario for_devices(Scenario scenario, const hw::HardwareConfig& wiring) {
  scenario.units = Units::raw;
  for (const auto& group : wiring.groups) {
    if (!group->paces()) continue;
    scenario.rate_hz = group->sample_rate();
    break;
  }
  return scenario;
}

}  // namespace

SimulatedDevices::SimulatedDevices(Scenario scenario, const ChannelLayout& layout, const hw::HardwareConfig& wiring,
                                   hw::Clock& clock)
    : scenario_(for_devices(std::move(scenario), wiring)),
      layout_(layout),
      chips_(wiring, clock),
      chair_(std::make_unique<SimulatedChair>(scenario_, layout_)) {
  inject_faults();
}

void SimulatedDevices::inject_faults() {
  const ScenarioDevices& d = scenario_.devices;
  chips_.set_i2c_enabled(!d.no_i2c_bus);
  for (unsigned line : d.taken_lines)
    taken_.push_back(chips_.gpio().request(hw::LineRequest::inputs({hw::LineId(line)})));
  Problems problems;
  for (const DeviceFault& f : d.faults) {
    const auto wrong = chips_.inject(f.channel, f.kind);
    const std::string key = "devices.faults." + f.channel;
    if (!wrong) problems.add(f.file, static_cast<std::size_t>(f.line), key, "not a channel wired in [hardware]");
    else if (!wrong->empty()) problems.add(f.file, static_cast<std::size_t>(f.line), key, *wrong);
  }
  problems.raise<InputError>();
}

bool SimulatedDevices::step() {
  if (!chair_->next(load_, label_)) {
    chair_ = std::make_unique<SimulatedChair>(scenario_, layout_);
    if (!chair_->next(load_, label_)) return false;
  }
  // A scenario's missing channel (NaN) unplugs the chip model, so the drivers meet the fault.
  for (std::size_t i = 0; i < layout_.size(); ++i) chips_.set_raw(layout_.channels[i].name, load_.values[i]);
  return true;
}

}  // namespace chairhub
