// The ADS1115 as a SensorGroup: its I2C device and driver, reading the wired inputs in turn.
#include <memory>

#include "hw/ads1115/ads1115_config.hpp"
#include "hw/chip/chip_devices.hpp"

namespace chairhub::hw {
namespace {

class Ads1115Sensors final : public SensorGroup {
 public:
  Ads1115Sensors(const Ads1115Chip& c, ChipDevices& devices) : device_(devices.i2c(c.bus, c.address)) {
    adc_ = std::make_unique<Ads1115>(*device_, devices.clock(), c.settings);
    for (const auto& in : c.inputs) ains_.push_back(in.input);
  }

  void read(std::span<double> values, std::span<ChannelHealth> health) override {
    for (std::size_t k = 0; k < ains_.size(); ++k) {
      const AdsReading r = adc_->read(ains_[k]);
      health[k] = {r.value.has_value(), r.fault};
      if (r.value) {
        values[k] = *r.value;
        continue;
      }
      if (adc_->fault_kind() == ErrorKind::timeout) continue;
      // The chip did not answer: skip its other inputs this round instead of failing on each.
      for (std::size_t j = k + 1; j < ains_.size(); ++j) health[j] = {false, r.fault};
      return;
    }
  }

 private:
  std::unique_ptr<I2cDevice> device_;
  std::unique_ptr<Ads1115> adc_;
  std::vector<int> ains_;
};

}  // namespace

std::unique_ptr<SensorGroup> Ads1115Chip::open(ChipDevices& devices) const {
  return std::make_unique<Ads1115Sensors>(*this, devices);
}

}  // namespace chairhub::hw
