#pragma once
// [[hardware.outputs]]: the LED and buzzer, on GPIO lines.
//
//   [[hardware.outputs]]
//   name = "led"
//   kind = "led"             # or "buzzer"
//   line = 16
//   active_low = false       # the same for every output
#include <cstddef>
#include <string>

#include "core/section_reader.hpp"
#include "hw/gpio/gpio.hpp"
#include "hw/output/pattern.hpp"

namespace chairhub::hw {

struct OutputConfig {
  std::string name;
  OutputKind kind = OutputKind::led;
  LineId line{0u};
  bool active_low = false;
  std::size_t source_line = 0;
};

OutputConfig read_output_config(const SectionReader& table);

}  // namespace chairhub::hw
