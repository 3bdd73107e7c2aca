#pragma once
// [hardware.ads1115]: one ADS1115 on an I2C bus, its inputs read single-ended against GND.
//
//   [[hardware.ads1115]]     # or [hardware.ads1115] for one chip
//   bus = 1                  # /dev/i2c-1
//   address = 0x48           # 0x48..0x4B, as the ADDR pin is wired
//   full_scale = 4.096       # volts
//   rate = 128               # samples/s
//   mode = "single"          # or "continuous" (one input only)
//   inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2, foot_r = 3 }
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/section_reader.hpp"
#include "hw/ads1115/ads1115.hpp"
#include "hw/chip/sensor_group.hpp"

namespace chairhub::hw {

// Signed 16-bit codes.
inline constexpr RawRange kAds1115Range{-32768, 32767};

struct AdsInput {
  std::string channel;
  int input = 0;  // AIN0..AIN3 against GND
  std::size_t source_line = 0;
  std::string where() const { return "AIN" + std::to_string(input); }
};

class Ads1115Chip final : public ChipConfigOf<Ads1115Chip, AdsInput> {
 public:
  int bus = 1;
  std::uint8_t address = 0x48;
  Ads1115Settings settings;

  void check_wiring(WiringCheck& check) const override;
  double sample_rate() const override { return static_cast<double>(settings.rate_sps) / inputs.size(); }
  std::unique_ptr<SensorGroup> open(ChipDevices& devices) const override;  // ads1115_group.cpp
  std::string heading() const override;
  std::string rate_text(double reads_per_s) const override;
  std::string silent_chip(const std::string& fault) const override;
  std::string where() const;  // "0x48 on /dev/i2c-1"
};

std::shared_ptr<ChipConfig> read_ads1115_config(const SectionReader& table);

}  // namespace chairhub::hw
