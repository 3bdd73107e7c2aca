#pragma once
// The chips chairhub knows, keyed by their [hardware] table. Adding a chip: a folder hw/<chip>/
// with its driver, its config reader (a ChipConfig) and its SensorGroup, and one line in
// registry.cpp (hw/README.md, "Adding a chip").
#include <memory>
#include <string_view>
#include <vector>

#include "core/section_reader.hpp"
#include "hw/chip/sensor_group.hpp"

namespace chairhub::hw {

struct ChipKind {
  std::string_view key;   // its tables: [hardware.<key>] or [[hardware.<key>]]
  std::string_view name;  // as messages name it ("HX711 seat_fr: data line stuck low")
  RawRange range;         // its output, in raw counts
  // Reads one table, recording every problem in the reader.
  std::shared_ptr<ChipConfig> (*read)(const SectionReader& table);
};

// In the order the chips are read: those that pace a reading (HX711) first, so the others are
// read right after and the sample is of one moment.
const std::vector<ChipKind>& chip_kinds();

}  // namespace chairhub::hw
