#pragma once
// Reads every wired sensor once per call and fills a Sample in the channel layout's order with
// raw chip counts; NaN where a chip is faulted or a channel is not wired, with the reason in
// the per-channel health. It knows chips only as SensorGroups (hw/chip/); devices come through
// ChipDevices, so the same source runs on the Linux devices, on simulated chips, or in the qemu
// test. The LED and buzzer are not here: hw/output/outputs.hpp opens them.
#include <memory>
#include <string>
#include <vector>

#include "core/channel.hpp"
#include "core/sample.hpp"
#include "hw/chip/chip_devices.hpp"
#include "hw/chip/sensor_group.hpp"
#include "hw/config/hardware_config.hpp"
#include "hw/util/clock.hpp"

namespace chairhub::hw {

struct HardwareReading {
  Sample sample;
  std::vector<ChannelHealth> health;  // layout order
};

class HardwareSource {
 public:
  // Opens the chips on `devices`; throws DeviceError when a line is missing or taken, or an I2C
  // bus cannot be opened. A chip that does not answer is a fault of its channels, not an error.
  HardwareSource(const HardwareConfig& config, const ChannelLayout& layout, ChipDevices& devices);
  // The same on devices of its own.
  HardwareSource(const HardwareConfig& config, const ChannelLayout& layout, const Backends& backends, Clock& clock);
  ~HardwareSource();

  // One reading of every input, into `out`: its vectors are reused from call to call (the
  // daemon's reader reads 80 times a second), the words for channels not wired written once.
  void read(HardwareReading& out);
  HardwareReading read() {
    HardwareReading out;
    read(out);
    return out;
  }
  std::string describe_gpio() const { return devices_->describe_gpio(); }

 private:
  struct Group {
    std::unique_ptr<SensorGroup> sensors;
    std::vector<std::size_t> slots;  // layout index per input
  };

  void open(const HardwareConfig& config, const ChannelLayout& layout);

  std::unique_ptr<ChipDevices> own_devices_;
  ChipDevices* devices_;
  std::size_t channels_;
  std::vector<Group> groups_;
  // One group's reading before it goes to its channels' slots; kept so that a read allocates
  // nothing.
  std::vector<double> group_values_;
  std::vector<ChannelHealth> group_health_;
};

}  // namespace chairhub::hw
