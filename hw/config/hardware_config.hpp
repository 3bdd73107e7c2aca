#pragma once
// What is wired where: the [hardware] section of the config. Pins are BCM numbers (integers) or
// kernel line names (strings); channel names are those of the layout. Each chip's own table is
// read by its driver's config (hw/<chip>/<chip>_config.hpp), found in the chip registry; the
// outputs by hw/output/output_config.hpp.
//
//   [hardware]
//   gpio_chip = ""           # label, name, path or number; empty: found automatically
//   realtime = true          # try SCHED_FIFO and locked memory for the reader
//   realtime_priority = 20
//   [[hardware.hx711]]       # a table per chip group, as the registry names them
//   ...
//   [[hardware.outputs]]
//   ...
#include <memory>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/section_reader.hpp"
#include "core/channel.hpp"
#include "hw/chip/sensor_group.hpp"
#include "hw/gpio/gpio.hpp"
#include "hw/output/output_config.hpp"

namespace chairhub::hw {

struct HardwareConfig {
  std::string file;       // where it was read from, for messages
  std::string gpio_chip;  // empty: the chip holding the named lines, or the Pi's header chip
  bool realtime = true;
  int realtime_priority = 20;
  // The chip groups in the registry's order, then the file's; shared, as they are not changed
  // once read.
  std::vector<std::shared_ptr<const ChipConfig>> groups;
  std::vector<OutputConfig> outputs;

  std::vector<LineId> all_lines() const;

  // The groups of one chip, e.g. chips<Hx711Group>().
  template <typename Chip>
  std::vector<const Chip*> chips() const {
    std::vector<const Chip*> out;
    for (const auto& g : groups)
      if (const auto* c = dynamic_cast<const Chip*>(g.get())) out.push_back(c);
    return out;
  }
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

// The layout's channels that no chip group wires, in layout order.
std::vector<std::string> unwired_channels(const HardwareConfig& config, const ChannelLayout& layout);

}  // namespace chairhub::hw
