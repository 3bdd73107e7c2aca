#pragma once
// Reads every wired sensor once per call and fills a Sample in the channel layout's order with
// raw chip counts; NaN where a chip is faulted or a channel is not wired, with the reason in
// the per-channel health. Device access goes through Backends, so the same source runs on the
// Linux devices, on simulated chips, or in the qemu test.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/channel.hpp"
#include "core/sample.hpp"
#include "hw/config/hardware_config.hpp"
#include "hw/i2c/i2c_device.hpp"
#include "hw/output/pattern.hpp"
#include "hw/util/clock.hpp"

namespace chairhub::hw {

struct Backends {
  std::function<std::unique_ptr<GpioChip>(const std::string& spec, const std::vector<LineId>& wanted)> open_gpio;
  std::function<std::unique_ptr<I2cDevice>(int bus, std::uint8_t address)> open_i2c;
};

// libgpiod 1.6 and i2c-dev.
Backends linux_backends();

struct ChannelHealth {
  bool ok = false;
  std::string fault;  // plain words: what is wrong and what to check
};

struct HardwareReading {
  Sample sample;
  std::vector<ChannelHealth> health;  // layout order
};

class HardwareSource {
 public:
  // Opens the chip and lines; throws DeviceError when a line is missing or taken, or an I2C bus
  // cannot be opened. A chip that does not answer is a fault of its channels, not an error.
  HardwareSource(const HardwareConfig& config, const ChannelLayout& layout, const Backends& backends, Clock& clock);
  ~HardwareSource();

  HardwareReading read();

  // The LED and buzzer outputs; nullptr when none are configured.
  PatternPlayer* player() { return player_.get(); }
  std::string describe_gpio() const;

 private:
  struct HxGroup;
  struct AdsChip;
  void fill_ads(AdsChip& chip, HardwareReading& out);

  Clock& clock_;
  std::size_t channels_;
  std::unique_ptr<GpioChip> gpio_;
  std::vector<std::unique_ptr<HxGroup>> hx_;
  std::vector<std::unique_ptr<AdsChip>> ads_;
  std::unique_ptr<GpioLines> output_lines_;
  std::unique_ptr<PatternPlayer> player_;
};

}  // namespace chairhub::hw
