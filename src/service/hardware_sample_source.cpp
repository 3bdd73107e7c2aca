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
  source_->read(reading_);  // paced by the HX711's data-ready wait
  sample.values = reading_.sample.values;
  sample.t = monotonic_seconds();
  return !stopped_;
}

std::string HardwareSampleSource::describe() const { return "hardware: " + source_->describe_gpio(); }

namespace {

bool present(const std::string& file) { return file.empty() || std::filesystem::exists(file); }

// The chips, plugged in or not, as the drivers are about to open them.
SimulatedDevices& plugged(SimulatedDevices& devices, bool plugged_in) {
  devices.chips().set_plugged_in(plugged_in);
  return devices;
}

}  // namespace

SimulatedDevicesSource::SimulatedDevicesSource(Scenario scenario, const ChannelLayout& layout,
                                               const hw::HardwareConfig& config, const std::string& present_file)
    : present_file_(present_file),
      devices_(std::move(scenario), layout, config, clock_),
      source_(config, layout, plugged(devices_, present(present_file_)).backends()) {}

bool SimulatedDevicesSource::next(Sample& sample) {
  if (!present(present_file_))
    throw hw::device_error_from_errno(ENODEV, "reading the HX711 data lines (simulated chips unplugged)");
  {
    const std::lock_guard lock(held_mutex_);
    if (held_change_ && *held_change_)
      devices_.hold(**held_change_);
    else if (held_change_)
      devices_.release();
    held_change_.reset();
  }
  // One step of the sitter per read: the HX711's data-ready wait sets the pace, as on a chair.
  if (!devices_.step()) return false;
  return source_.next(sample);
}

void SimulatedDevicesSource::hold(const std::optional<HeldLoad>& load) {
  const std::lock_guard lock(held_mutex_);
  held_change_ = load;
}

}  // namespace chairhub
