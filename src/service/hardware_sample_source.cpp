#include "service/hardware_sample_source.hpp"

#include <cerrno>
#include <filesystem>

#include "hw/util/device_error.hpp"
#include "service/sources.hpp"

namespace chairhub {

HardwareSampleSource::HardwareSampleSource(const hw::HardwareConfig& config, const ChannelLayout& layout)
    : HardwareSampleSource(config, layout, hw::linux_backends()) {}

HardwareSampleSource::HardwareSampleSource(const hw::HardwareConfig& config, const ChannelLayout& layout,
                                           const hw::Backends& backends)
    : devices_(backends, clock_, config.gpio_chip, config.all_lines()) {
  hw::check_hardware_config(config, layout);
  source_ = std::make_unique<hw::HardwareSource>(config, layout, devices_);
  outputs_ = hw::open_outputs(config.outputs, devices_);
}

bool HardwareSampleSource::next(Sample& sample) {
  if (stopped_) return false;
  hw::HardwareReading reading = source_->read();  // paced by the HX711's data-ready wait
  sample = std::move(reading.sample);
  sample.t = monotonic_seconds();
  health_ = std::move(reading.health);
  return !stopped_;
}

std::string HardwareSampleSource::describe() const { return "hardware: " + source_->describe_gpio(); }

namespace {

bool present(const std::string& file) { return file.empty() || std::filesystem::exists(file); }

// The chips, plugged in or not, as the drivers are about to open them.
hw::SimulatedHardware& plugged(hw::SimulatedHardware& devices, bool plugged_in) {
  devices.set_plugged_in(plugged_in);
  return devices;
}

// The sitter in chip counts, one step per reading of the chips that set the pace (the HX711's
// conversions).
Scenario for_devices(Scenario scenario, const hw::HardwareConfig& config) {
  scenario.units = Units::raw;
  for (const auto& group : config.groups) {
    if (!group->paces()) continue;
    scenario.rate_hz = group->sample_rate();
    break;
  }
  return scenario;
}

}  // namespace

SimulatedDevicesSource::SimulatedDevicesSource(Scenario scenario, const ChannelLayout& layout,
                                               const hw::HardwareConfig& config, const std::string& present_file)
    : scenario_(for_devices(std::move(scenario), config)),
      layout_(layout),
      present_file_(present_file),
      devices_(config, clock_),
      source_(config, layout, plugged(devices_, present(present_file_)).backends()),
      chair_(std::make_unique<SimulatedChair>(scenario_, layout_)) {}

bool SimulatedDevicesSource::next(Sample& sample) {
  if (!present(present_file_))
    throw hw::device_error_from_errno(ENODEV, "reading the HX711 data lines (simulated chips unplugged)");
  // One step of the sitter per read: the HX711's data-ready wait sets the pace, as on a chair.
  if (!chair_->next(load_, label_)) {
    chair_ = std::make_unique<SimulatedChair>(scenario_, layout_);
    if (!chair_->next(load_, label_)) return false;
  }
  // A scenario's missing channel (NaN) unplugs the chip model, so the drivers meet the fault.
  for (std::size_t i = 0; i < layout_.size(); ++i) devices_.set_raw(layout_.channels[i].name, load_.values[i]);
  return source_.next(sample);
}

}  // namespace chairhub
