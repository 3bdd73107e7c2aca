#include "hw/source/hardware_source.hpp"

#include <utility>

namespace chairhub::hw {

HardwareSource::HardwareSource(const HardwareConfig& config, const ChannelLayout& layout, ChipDevices& devices)
    : devices_(&devices), channels_(layout.size()) {
  open(config, layout);
}

HardwareSource::HardwareSource(const HardwareConfig& config, const ChannelLayout& layout, const Backends& backends,
                               Clock& clock)
    : own_devices_(std::make_unique<ChipDevices>(backends, clock, config.gpio_chip, config.all_lines())),
      devices_(own_devices_.get()),
      channels_(layout.size()) {
  open(config, layout);
}

void HardwareSource::open(const HardwareConfig& config, const ChannelLayout& layout) {
  check_hardware_config(config, layout);
  // The GPIO chip first, whatever uses it: a missing chip is the first thing to say.
  if (!config.all_lines().empty()) devices_->gpio();
  for (const auto& g : config.groups) {
    Group group{g->open(*devices_), {}};
    for (const WiredInput& in : g->wired()) group.slots.push_back(*layout.find(in.channel));
    groups_.push_back(std::move(group));
  }
}

HardwareSource::~HardwareSource() = default;

void HardwareSource::read(HardwareReading& out) {
  out.sample.values.assign(channels_, kMissing);
  if (out.health.size() != channels_) out.health.assign(channels_, {false, "not wired in [hardware]"});
  // In the registry's order: the groups that pace (the HX711's wait for data) first, the others
  // right after, so that the sample is of one moment.
  for (const Group& g : groups_) {
    group_values_.assign(g.slots.size(), kMissing);
    group_health_.assign(g.slots.size(), {});
    g.sensors->read(group_values_, group_health_);
    for (std::size_t i = 0; i < g.slots.size(); ++i) {
      out.sample.values[g.slots[i]] = group_values_[i];
      std::swap(out.health[g.slots[i]], group_health_[i]);
    }
  }
  out.sample.t = to_seconds(devices_->clock().now());
}

}  // namespace chairhub::hw
