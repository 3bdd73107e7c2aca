#pragma once
// I2C backend for Linux i2c-dev (/dev/i2c-N) using SMBus word transfers, the only kind the
// kernel's i2c-stub serves and all the ADS1115 needs.
#include <chrono>
#include <cstdint>
#include <memory>

#include "hw/i2c/i2c_device.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::hw {

struct I2cDevOptions {
  std::chrono::milliseconds timeout{100};  // I2C_TIMEOUT, rounded up to the kernel's 10 ms units
  int retries = 2;                         // I2C_RETRIES: the adapter retries a NACKed transfer
};

// SMBus sends a word low byte first; big-endian chips such as the ADS1115 send the high byte
// first. Word registers of such chips go through this swap both ways.
constexpr std::uint16_t swap_bytes(std::uint16_t v) {
  return static_cast<std::uint16_t>((v >> 8) | (v << 8));
}

// Opens /dev/i2c-<bus> and binds it to `address`. Throws DeviceError naming the bus: no_device
// when I2C is not enabled, permission when the user is not in the i2c group, busy when a kernel
// driver (such as the ads1115 overlay) has claimed the address.
std::unique_ptr<I2cDevice> open_i2c_dev(int bus, std::uint8_t address,
                                        const I2cDevOptions& options = {});
// Opening /dev/i2c-<bus> failed with errno `err`: the error, with a hint when the bus is not
// there (also what the simulated chips say when I2C is off).
DeviceError i2c_open_error(int err, int bus);

}  // namespace chairhub::hw
