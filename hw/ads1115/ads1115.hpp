#pragma once
// ADS1115 driver: single-ended reads of AIN0..AIN3 with the chosen PGA and data rate, in
// single-shot mode with conversion-ready polling, or continuous mode. I2C errors do not throw:
// they turn into a fault that clears by itself when the chip answers again.
#include <cstdint>
#include <optional>
#include <string>

#include "hw/i2c/i2c_device.hpp"
#include "hw/util/clock.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::hw {

enum class AdsMode { single_shot, continuous };

struct Ads1115Settings {
  double full_scale = 4.096;  // volts: 6.144, 4.096, 2.048, 1.024, 0.512 or 0.256
  int rate_sps = 128;         // 8, 16, 32, 64, 128, 250, 475 or 860
  AdsMode mode = AdsMode::single_shot;
};

// Checks the settings; returns what is wrong in words, or empty when fine.
std::string check(const Ads1115Settings& settings);

struct AdsReading {
  std::optional<std::int16_t> value;  // raw code, -32768..32767
  std::string fault;                  // empty when the read worked
};

class Ads1115 {
 public:
  Ads1115(I2cDevice& device, Clock& clock, Ads1115Settings settings = {});

  // Reads AIN<channel> against GND (channel 0..3).
  AdsReading read(int channel);

  bool faulted() const { return !fault_.empty(); }
  const std::string& fault() const { return fault_; }
  std::optional<ErrorKind> fault_kind() const { return fault_kind_; }
  const Ads1115Settings& settings() const { return settings_; }
  std::string describe() const { return "ADS1115 at " + device_.describe(); }

  // The config word for one conversion of AIN<channel>.
  std::uint16_t config_word(int channel) const;
  Nanos conversion_time() const;

 private:
  std::int16_t read_single_shot(int channel);
  std::int16_t read_continuous(int channel);
  AdsReading fail(ErrorKind kind, const std::string& message);

  I2cDevice& device_;
  Clock& clock_;
  Ads1115Settings settings_;
  int running_channel_ = -1;  // continuous mode: the input now converting, -1 unknown
  std::string fault_;
  std::optional<ErrorKind> fault_kind_;
};

}  // namespace chairhub::hw
