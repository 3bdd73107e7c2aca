#pragma once
// GPIO backend for libgpiod 1.6 (Debian and Raspberry Pi OS bookworm). A libgpiod 2.x backend
// would be a sibling file implementing the same GpioChip interface.
#include <memory>
#include <string>
#include <vector>

#include "hw/gpio/gpio.hpp"

namespace chairhub::hw {

// Opens a chip by path ("/dev/gpiochip0"), name ("gpiochip0"), number ("0") or label
// ("pinctrl-bcm2711"). An empty spec picks the chip that holds every line given by name, or else
// the Raspberry Pi's header chip found by its known labels, or else gpiochip0.
// Throws DeviceError with the candidates it tried.
std::unique_ptr<GpioChip> open_gpiod1_chip(const std::string& spec,
                                           const std::vector<LineId>& wanted = {});

}  // namespace chairhub::hw
