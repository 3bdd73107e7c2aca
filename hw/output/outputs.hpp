#pragma once
// The LED and buzzer, opened on their own: whoever shows nudges gets them from here, not from
// the sensors.
#include <memory>
#include <vector>

#include "hw/chip/chip_devices.hpp"
#include "hw/output/output_config.hpp"
#include "hw/output/pattern.hpp"

namespace chairhub::hw {

class Outputs {
 public:
  // Requests the lines of `outputs` (at least one, all of one active_low) on `gpio`; throws
  // DeviceError when a line does not exist or is taken.
  Outputs(const std::vector<OutputConfig>& outputs, std::shared_ptr<GpioChip> gpio);
  ~Outputs();

  PatternPlayer& player() { return *player_; }

 private:
  std::shared_ptr<GpioChip> gpio_;  // first: the lines go before their chip
  std::unique_ptr<GpioLines> lines_;
  std::unique_ptr<PatternPlayer> player_;
};

// The configured outputs on the devices' GPIO chip; nullptr when there are none.
std::unique_ptr<Outputs> open_outputs(const std::vector<OutputConfig>& outputs, ChipDevices& devices);

}  // namespace chairhub::hw
