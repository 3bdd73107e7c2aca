#include "hw/config/hardware_config.hpp"

#include <set>

#include "hw/chip/registry.hpp"
#include "hw/config/wiring_check.hpp"

namespace chairhub::hw {
namespace {

// The `[x]` or `[[x]]` tables of the section: one chip or several.
std::vector<SectionReader> chip_tables(const SectionReader& r, std::string_view key) {
  const std::string where = r.name_of(key);
  return r.tables(key, true, "expected a table ([" + where + "]) or tables ([[" + where + "]])");
}

void check_outputs(const std::vector<OutputConfig>& outputs, WiringCheck& check) {
  std::set<std::string> names;
  for (const auto& o : outputs) {
    if (!names.insert(o.name).second) check.problem(o.source_line, "hardware.outputs", "output \"" + o.name + "\" is named twice");
    check.use(o.line, o.source_line);
    // The outputs are requested together, and one request has one polarity.
    if (o.active_low != outputs.front().active_low)
      check.problem(o.source_line, "hardware.outputs", "output \"" + o.name + "\": all outputs must share the same active_low");
  }
}

}  // namespace

std::vector<LineId> HardwareConfig::all_lines() const {
  std::vector<LineId> out;
  for (const auto& g : groups)
    for (const LineId& line : g->gpio_lines()) out.push_back(line);
  for (const auto& o : outputs) out.push_back(o.line);
  return out;
}

HardwareConfig read_hardware_config(const SectionReader& hardware) {
  // The known keys: the section's own, a table per chip of the registry, the outputs.
  static const std::vector<std::string_view> known = [] {
    std::vector<std::string_view> keys{"gpio_chip", "realtime", "realtime_priority"};
    for (const ChipKind& kind : chip_kinds()) keys.push_back(kind.key);
    keys.emplace_back("outputs");
    return keys;
  }();
  hardware.known_keys(known);
  HardwareConfig c;
  c.file = hardware.file();
  hardware.read("gpio_chip", c.gpio_chip);
  hardware.read("realtime", c.realtime);
  hardware.read_integer("realtime_priority", c.realtime_priority, 1, 99);
  for (const ChipKind& kind : chip_kinds()) {
    for (const auto& t : chip_tables(hardware, kind.key)) {
      std::shared_ptr<ChipConfig> group = kind.read(t);
      group->kind = &kind;
      c.groups.push_back(std::move(group));
    }
  }
  for (const auto& t : chip_tables(hardware, "outputs")) c.outputs.push_back(read_output_config(t));
  return c;
}

HardwareConfig read_hardware_config(const toml::table& hardware, const std::string& file) {
  Problems problems;
  HardwareConfig c = read_hardware_config(SectionReader(hardware, "hardware", file, problems));
  problems.raise();
  return c;
}

void check_hardware_config(const HardwareConfig& c, const ChannelLayout& layout, Problems& problems) {
  WiringCheck check(c.file, layout, problems);
  for (const auto& g : c.groups) g->check_wiring(check);
  check_outputs(c.outputs, check);
}

void check_hardware_config(const HardwareConfig& config, const ChannelLayout& layout) {
  Problems problems;
  check_hardware_config(config, layout, problems);
  problems.raise();
}

std::vector<std::string> unwired_channels(const HardwareConfig& config, const ChannelLayout& layout) {
  std::vector<std::string> out;
  for (const auto& ch : layout.channels) {
    bool wired = false;
    for (const auto& g : config.groups)
      for (const auto& in : g->wired()) wired = wired || in.channel == ch.name;
    if (!wired) out.push_back(ch.name);
  }
  return out;
}

}  // namespace chairhub::hw
