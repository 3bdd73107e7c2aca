#include "hw/chip/chip_devices.hpp"

namespace chairhub::hw {

ChipDevices::ChipDevices(Backends backends, Clock& clock, std::string gpio_spec, std::vector<LineId> wanted)
    : backends_(std::move(backends)), clock_(clock), gpio_spec_(std::move(gpio_spec)), wanted_(std::move(wanted)) {}

std::shared_ptr<GpioChip> ChipDevices::gpio() {
  if (!gpio_) gpio_ = backends_.open_gpio(gpio_spec_, wanted_);
  return gpio_;
}

}  // namespace chairhub::hw
