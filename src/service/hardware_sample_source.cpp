#include "service/hardware_sample_source.hpp"

#include "service/sources.hpp"

namespace chairhub {

HardwareSampleSource::HardwareSampleSource(const hw::HardwareConfig& config, const ChannelLayout& layout) {
  hw::check_hardware_config(config, layout);
  source_ = std::make_unique<hw::HardwareSource>(config, layout, hw::linux_backends(), clock_);
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

}  // namespace chairhub
