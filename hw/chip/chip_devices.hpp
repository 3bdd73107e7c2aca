#pragma once
// The devices chips are opened on: a GPIO chip and I2C buses, from the Linux backends, the
// software models of hw/sim, or the qemu test's. The GPIO chip is opened once, on first use,
// and shared by every group and the outputs (with libgpiod 1.6 closing it frees its lines, so
// whatever holds lines holds the chip too).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "hw/gpio/gpio.hpp"
#include "hw/i2c/i2c_device.hpp"
#include "hw/util/clock.hpp"

namespace chairhub::hw {

struct Backends {
  std::function<std::unique_ptr<GpioChip>(const std::string& spec, const std::vector<LineId>& wanted)> open_gpio;
  std::function<std::unique_ptr<I2cDevice>(int bus, std::uint8_t address)> open_i2c;
};

// libgpiod (the version built) and i2c-dev.
Backends linux_backends();

class ChipDevices {
 public:
  // `gpio_spec` and `wanted` say which GPIO chip (gpio/open_gpio_chip.hpp).
  ChipDevices(Backends backends, Clock& clock, std::string gpio_spec, std::vector<LineId> wanted);

  // Both throw DeviceError when the device cannot be opened.
  std::shared_ptr<GpioChip> gpio();
  std::unique_ptr<I2cDevice> i2c(int bus, std::uint8_t address) { return backends_.open_i2c(bus, address); }
  Clock& clock() { return clock_; }
  std::string describe_gpio() const { return gpio_ ? gpio_->describe() : "no GPIO"; }

 private:
  Backends backends_;
  Clock& clock_;
  std::string gpio_spec_;
  std::vector<LineId> wanted_;
  std::shared_ptr<GpioChip> gpio_;
};

}  // namespace chairhub::hw
