#include "service/hardware_sample_source.hpp"

#include "service/sources.hpp"

namespace chairhub {

HardwareSampleSource::HardwareSampleSource(const hw::HardwareConfig& config, const ChannelLayout& layout) {
  hw::check_hardware_config(config, layout);
  source_ = std::make_unique<hw::HardwareSource>(config, layout, hw::linux_backends(), clock_);
}

HardwareSampleSource::HardwareSampleSource(const hw::HardwareConfig& config, const ChannelLayout& layout,
                                           const hw::Backends& backends) {
  hw::check_hardware_config(config, layout);
  source_ = std::make_unique<hw::HardwareSource>(config, layout, backends, clock_);
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

// The sitter in chip counts, one step per HX711 conversion.
Scenario for_devices(Scenario scenario, const hw::HardwareConfig& config) {
  scenario.units = Units::raw;
  if (!config.hx711.empty()) scenario.rate_hz = config.hx711.front().rate_sps;
  return scenario;
}

}  // namespace

SimulatedDevicesSource::SimulatedDevicesSource(Scenario scenario, const ChannelLayout& layout,
                                               const hw::HardwareConfig& config)
    : scenario_(for_devices(std::move(scenario), config)),
      layout_(layout),
      devices_(config, clock_),
      source_(config, layout, devices_.backends()),
      chair_(std::make_unique<SimulatedChair>(scenario_, layout_)) {}

bool SimulatedDevicesSource::next(Sample& sample) {
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
