#pragma once
// ADS1115 register map and config fields (datasheet, section 8.6). Shared by the driver and the
// register model so both speak of the same bits by name.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace chairhub::hw::ads1115 {

constexpr std::uint8_t kRegConversion = 0, kRegConfig = 1, kRegLoThresh = 2, kRegHiThresh = 3;

constexpr std::uint16_t kOs = 1u << 15;        // write 1: start a single conversion; read 1: idle
constexpr int kMuxShift = 12;                  // 3 bits
constexpr int kPgaShift = 9;                   // 3 bits
constexpr std::uint16_t kModeSingle = 1u << 8; // 1: single-shot and power-down, 0: continuous
constexpr int kDrShift = 5;                    // 3 bits
constexpr std::uint16_t kCompQueDisable = 0x3; // comparator off, ALERT/RDY high-impedance
constexpr std::uint16_t kConfigDefault = 0x8583;

// MUX 4..7: AIN0..AIN3 against GND.
constexpr int kMuxSingleEnded = 4;

// Full-scale range in volts by PGA code (codes 5..7 are all 0.256 V).
constexpr std::array<double, 8> kFullScale = {6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256};
// Samples per second by DR code.
constexpr std::array<int, 8> kRates = {8, 16, 32, 64, 128, 250, 475, 860};

constexpr std::optional<std::uint16_t> pga_code(double full_scale_volts) {
  for (std::uint16_t i = 0; i < 6; ++i) {
    const double d = kFullScale[i] - full_scale_volts;
    if (d < 1e-9 && d > -1e-9) return i;
  }
  return std::nullopt;
}

constexpr std::optional<std::uint16_t> dr_code(int rate_sps) {
  for (std::size_t i = 0; i < kRates.size(); ++i) {
    if (kRates[i] == rate_sps) return static_cast<std::uint16_t>(i);
  }
  return std::nullopt;
}

}  // namespace chairhub::hw::ads1115
