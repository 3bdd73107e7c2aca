#pragma once
// [hardware.hx711]: HX711 chips on one clock line, each on a data line of its own.
//
//   [[hardware.hx711]]       # or [hardware.hx711] for one group
//   clock = 5                # BCM number or line name ("GPIO5")
//   rate = 10                # 10 or 80, as the RATE pin is wired
//   gain = 128               # 128 or 64 (channel A), 32 (channel B)
//   data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
//   data_bias = "pull-up"    # or "pull-down", "disabled", "as-is"
#include <cstddef>
#include <memory>
#include <string>

#include "core/section_reader.hpp"
#include "hw/chip/sensor_group.hpp"
#include "hw/hx711/hx711.hpp"

namespace chairhub::hw {

// 24-bit two's complement.
inline constexpr RawRange kHx711Range{-8388608, 8388607};

struct Hx711Input {
  std::string channel;
  LineId data;
  std::size_t source_line = 0;
  std::string where() const { return "data line " + data.text(); }
};

class Hx711Group final : public ChipConfigOf<Hx711Group, Hx711Input> {
 public:
  LineId clock{0u};
  int rate_sps = 10;
  Hx711Gain gain = Hx711Gain::a128;
  // A pull-up makes an unplugged board read "not ready" instead of floating noise.
  Bias data_bias = Bias::pull_up;

  std::vector<LineId> gpio_lines() const override;
  void check_wiring(WiringCheck& check) const override;
  double sample_rate() const override { return rate_sps; }
  bool paces() const override { return true; }  // a read waits for data-ready
  std::unique_ptr<SensorGroup> open(ChipDevices& devices) const override;  // hx711_group.cpp
  std::string heading() const override;
  std::string rate_problem(double reads_per_s) const override;
};

std::shared_ptr<ChipConfig> read_hx711_config(const SectionReader& table);

}  // namespace chairhub::hw
