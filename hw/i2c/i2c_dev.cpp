#include "hw/i2c/i2c_dev.hpp"

#include <fcntl.h>
#include <linux/i2c-dev.h>
#include <linux/i2c.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "hw/util/device_error.hpp"

namespace chairhub::hw {
namespace {

std::string hex_address(std::uint8_t address) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", address);
  return buf;
}

class I2cDev final : public I2cDevice {
 public:
  I2cDev(int fd, std::string what) : fd_(fd), what_(std::move(what)) {}
  ~I2cDev() override { ::close(fd_); }
  I2cDev(const I2cDev&) = delete;
  I2cDev& operator=(const I2cDev&) = delete;

  std::string describe() const override { return what_; }

  std::uint16_t read_word(std::uint8_t reg) override {
    i2c_smbus_data data{};
    transfer(I2C_SMBUS_READ, reg, &data, "reading register " + std::to_string(reg));
    return swap_bytes(data.word);
  }

  void write_word(std::uint8_t reg, std::uint16_t value) override {
    i2c_smbus_data data{};
    data.word = swap_bytes(value);
    transfer(I2C_SMBUS_WRITE, reg, &data, "writing register " + std::to_string(reg));
  }

 private:
  void transfer(std::uint8_t direction, std::uint8_t reg, i2c_smbus_data* data,
                const std::string& action) {
    i2c_smbus_ioctl_data args{};
    args.read_write = direction;
    args.command = reg;
    args.size = I2C_SMBUS_WORD_DATA;
    args.data = data;
    if (::ioctl(fd_, I2C_SMBUS, &args) < 0) {
      throw device_error_from_errno(errno, action + " of " + what_);
    }
  }

  int fd_;
  std::string what_;
};

}  // namespace

DeviceError i2c_open_error(int err, int bus) {
  DeviceError e = device_error_from_errno(err, "opening /dev/i2c-" + std::to_string(bus));
  if (err != ENOENT) return e;
  return DeviceError(e.kind(), std::string(e.what()) + " (is I2C enabled and i2c-dev loaded? see hw/README.md)");
}

std::unique_ptr<I2cDevice> open_i2c_dev(int bus, std::uint8_t address,
                                        const I2cDevOptions& options) {
  const std::string path = "/dev/i2c-" + std::to_string(bus);
  const std::string what = hex_address(address) + " on " + path;
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) throw i2c_open_error(errno, bus);
  // Not I2C_SLAVE_FORCE: if a kernel driver owns the chip, say so instead of fighting it.
  if (::ioctl(fd, I2C_SLAVE, static_cast<unsigned long>(address)) < 0) {
    const int err = errno;
    ::close(fd);
    throw device_error_from_errno(err, "binding to " + what);
  }
  const long ticks = (options.timeout.count() + 9) / 10;
  if (::ioctl(fd, I2C_TIMEOUT, ticks) < 0 ||
      ::ioctl(fd, I2C_RETRIES, static_cast<long>(options.retries)) < 0) {
    const int err = errno;
    ::close(fd);
    throw device_error_from_errno(err, "setting timeout and retries on " + path);
  }
  return std::make_unique<I2cDev>(fd, what);
}

}  // namespace chairhub::hw
