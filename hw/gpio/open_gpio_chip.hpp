#pragma once
// Opens a GPIO chip of this system with the libgpiod backend the build found (1.6 on bookworm,
// 2.x on trixie); callers do not know which.
#include <memory>
#include <string>
#include <vector>

#include "hw/gpio/gpio.hpp"

namespace chairhub::hw {

// Opens a chip by path ("/dev/gpiochip0"), name ("gpiochip0"), number ("0") or label
// ("pinctrl-bcm2711"). An empty spec picks the chip that holds every line given by name, or else
// the Raspberry Pi's header chip found by its known labels, or else gpiochip0.
// Throws DeviceError saying what it tried.
std::unique_ptr<GpioChip> open_gpio_chip(const std::string& spec, const std::vector<LineId>& wanted = {});

// The backend built in and the library's version at run time, e.g. "libgpiod 2.2.1".
std::string gpio_backend_version();

}  // namespace chairhub::hw
