// The real devices, kept apart from chip_devices.cpp so that what only reads configs (the
// fuzzers) does not link libgpiod.
#include "hw/chip/chip_devices.hpp"
#include "hw/gpio/open_gpio_chip.hpp"
#include "hw/i2c/i2c_dev.hpp"

namespace chairhub::hw {

Backends linux_backends() {
  return {[](const std::string& spec, const std::vector<LineId>& wanted) { return open_gpio_chip(spec, wanted); },
          [](int bus, std::uint8_t address) { return open_i2c_dev(bus, address); }};
}

}  // namespace chairhub::hw
