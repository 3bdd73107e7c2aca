#pragma once
// The small I2C interface drivers are written against: one device at one address, 16-bit
// registers in the device's own byte order (the backend does any swapping).
#include <cstdint>
#include <string>

namespace chairhub::hw {

class I2cDevice {
 public:
  virtual ~I2cDevice() = default;
  virtual std::string describe() const = 0;  // e.g. "0x48 on /dev/i2c-1"
  // Both throw DeviceError (kind no_device, io, timeout, ...) when the transfer fails.
  virtual std::uint16_t read_word(std::uint8_t reg) = 0;
  virtual void write_word(std::uint8_t reg, std::uint16_t value) = 0;
};

}  // namespace chairhub::hw
