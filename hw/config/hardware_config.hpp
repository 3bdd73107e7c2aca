#pragma once
// What is wired where: the [hardware] section of the config as a plain struct. Pins are BCM
// numbers (integers) or kernel line names (strings); channel names are those of the layout.
//
//   [hardware]
//   gpio_chip = ""           # label, name, path or number; empty: found automatically
//   realtime = true          # try SCHED_FIFO and locked memory for the reader
//   [[hardware.hx711]]       # chips sharing one clock line
//   clock = 5
//   rate = 10                # 10 or 80, as the RATE pin is wired
//   gain = 128               # 128 or 64 (channel A), 32 (channel B)
//   data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
//   [[hardware.ads1115]]
//   bus = 1
//   address = 0x48
//   full_scale = 4.096       # volts
//   rate = 128               # samples/s
//   mode = "single"          # or "continuous"
//   inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2, foot_r = 3 }
//   [[hardware.outputs]]
//   name = "led"
//   kind = "led"             # or "buzzer"
//   line = 16
//   active_low = false
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "config/section_reader.hpp"
#include "core/channel.hpp"
#include "hw/ads1115/ads1115.hpp"
#include "hw/gpio/gpio.hpp"
#include "hw/hx711/hx711.hpp"
#include "hw/output/pattern.hpp"

namespace chairhub::hw {

struct Hx711Input {
  std::string channel;
  LineId data;
  std::size_t source_line = 0;
};

struct Hx711Group {
  LineId clock{0u};
  int rate_sps = 10;
  Hx711Gain gain = Hx711Gain::a128;
  // A pull-up makes an unplugged board read "not ready" instead of floating noise.
  Bias data_bias = Bias::pull_up;
  std::vector<Hx711Input> inputs;
  std::size_t source_line = 0;
};

struct AdsInput {
  std::string channel;
  int input = 0;  // AIN0..AIN3 against GND
  std::size_t source_line = 0;
};

struct Ads1115Chip {
  int bus = 1;
  std::uint8_t address = 0x48;
  Ads1115Settings settings;
  std::vector<AdsInput> inputs;
  std::size_t source_line = 0;
};

struct OutputConfig {
  std::string name;
  OutputKind kind = OutputKind::led;
  LineId line{0u};
  bool active_low = false;
  std::size_t source_line = 0;
};

struct HardwareConfig {
  std::string file;       // where it was read from, for messages
  std::string gpio_chip;  // empty: the chip holding the named lines, or the Pi's header chip
  bool realtime = true;
  int realtime_priority = 20;
  std::vector<Hx711Group> hx711;
  std::vector<Ads1115Chip> ads1115;
  std::vector<OutputConfig> outputs;

  std::vector<LineId> all_lines() const;
};

// Reads the [hardware] table (named "hardware"), recording every bad value and unknown key as
// "<file>:<line>: hardware.<key>: ...".
HardwareConfig read_hardware_config(const SectionReader& hardware);
// The same alone; throws chairhub::ConfigError with every problem of the table.
HardwareConfig read_hardware_config(const toml::table& hardware, const std::string& file);

// Cross-checks the wiring against the channel layout: every wired channel must exist in the
// layout and be wired once, and no line may be used twice. Records every problem...
void check_hardware_config(const HardwareConfig& config, const ChannelLayout& layout, Problems& problems);
// ...or throws ConfigError with them.
void check_hardware_config(const HardwareConfig& config, const ChannelLayout& layout);

}  // namespace chairhub::hw
