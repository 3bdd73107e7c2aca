#pragma once
// A software ADS1115 at the register level: conversion, config and threshold registers with
// their power-on values; writing OS=1 in single-shot mode starts one conversion of the selected
// input that ends after 1/DR (OS reads 0 meanwhile); continuous mode converts every 1/DR.
// Codes follow the PGA's full scale and saturate at -32768..32767.
// Fault injection: transfer errors for a number of calls, or the chip gone from the bus.
#include <array>
#include <cstdint>
#include <functional>

#include "hw/i2c/i2c_device.hpp"
#include "hw/util/clock.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::hw {

class Ads1115Model final : public I2cDevice {
 public:
  // Voltage of AIN<pin> against GND at time t.
  using Signal = std::function<double(int pin, Nanos t)>;

  explicit Ads1115Model(Clock& clock, std::uint8_t address = 0x48);

  std::string describe() const override;
  std::uint16_t read_word(std::uint8_t reg) override;
  void write_word(std::uint8_t reg, std::uint16_t value) override;

  void set_input(int pin, double volts) { inputs_.at(static_cast<std::size_t>(pin)) = volts; }
  void set_signal(Signal signal) { signal_ = std::move(signal); }
  // The internal oscillator's error: 1.1 makes every conversion 10% slower.
  void set_clock_factor(double factor) { clock_factor_ = factor; }

  // Fault injection.
  void fail_next(int transfers, ErrorKind kind = ErrorKind::io);
  void set_present(bool present);  // coming back is a power-on: registers reset
  void set_stuck_busy(bool on) { stuck_busy_ = on; }  // OS never reports the conversion done

  std::uint16_t config() const { return config_; }
  int transfers() const { return transfers_; }
  int conversions_started() const { return started_; }

 private:
  void before_transfer(const char* what, std::uint8_t reg);
  void update(Nanos now);
  std::int16_t convert(Nanos t) const;
  Nanos conversion_time() const;
  void power_on();

  Clock& clock_;
  std::uint8_t address_;
  std::array<double, 4> inputs_{};
  Signal signal_;
  double clock_factor_ = 1.0;

  std::uint16_t conversion_ = 0;
  std::uint16_t config_ = 0;
  std::uint16_t lo_thresh_ = 0, hi_thresh_ = 0;
  bool converting_ = false;
  Nanos conversion_end_{0};

  int fail_count_ = 0;
  ErrorKind fail_kind_ = ErrorKind::io;
  bool present_ = true;
  bool stuck_busy_ = false;
  int transfers_ = 0;
  int started_ = 0;
};

}  // namespace chairhub::hw
