#include "hw/ads1115/ads1115_config.hpp"

#include <cmath>
#include <cstdio>
#include <set>

#include "core/channel.hpp"
#include "hw/ads1115/ads1115_regs.hpp"
#include "hw/config/config_values.hpp"
#include "hw/config/wiring_check.hpp"

namespace chairhub::hw {

// A log's pads default to this range (core/channel.hpp): they are ADS1115 inputs.
static_assert(kAds1115Range.min == kAds1115Min && kAds1115Range.max == kAds1115Max);

namespace {

void read_ads1115_settings(const SectionReader& k, Ads1115Chip& c) {
  k.read_integer("bus", c.bus, 0, 255);
  k.read_integer("address", c.address, 0x48, 0x4B);
  if (auto fs = k.number("full_scale", -HUGE_VAL, HUGE_VAL)) {
    if (ads1115::pga_code(*fs)) c.settings.full_scale = *fs;
    else k.problem("full_scale", "must be one of 6.144, 4.096, 2.048, 1.024, 0.512, 0.256 (volts)");
  }
  if (auto r = k.integer("rate", 0, 100000)) {
    if (ads1115::dr_code(static_cast<int>(*r))) c.settings.rate_sps = static_cast<int>(*r);
    else k.problem("rate", "must be one of 8, 16, 32, 64, 128, 250, 475, 860, not " + std::to_string(*r));
  }
  if (auto m = k.string("mode")) {
    if (*m == "single") c.settings.mode = AdsMode::single_shot;
    else if (*m == "continuous") c.settings.mode = AdsMode::continuous;
    else k.problem("mode", "must be \"single\" or \"continuous\", not \"" + *m + "\"");
  }
}

}  // namespace

std::shared_ptr<ChipConfig> read_ads1115_config(const SectionReader& table) {
  table.known_keys({"bus", "address", "full_scale", "rate", "mode", "inputs"});
  auto c = std::make_shared<Ads1115Chip>();
  c->source_line = table.line();
  read_ads1115_settings(table, *c);
  const toml::table* t = channel_table(table, "inputs", "expected a table of channel = input 0..3, e.g. { lumbar_l = 0 }");
  std::set<std::int64_t> used;
  static const toml::table none;
  for (const auto& [name, node] : t ? *t : none) {
    const std::string key = "inputs." + std::string(name.str());
    const auto v = node.value_exact<std::int64_t>();
    if (!v || *v < 0 || *v > 3) table.problem_at(node, key, "expected an input number 0..3 (AIN0..AIN3)");
    else if (!used.insert(*v).second) table.problem_at(node, key, "input AIN" + std::to_string(*v) + " is used twice");
    else c->inputs.push_back({std::string(name.str()), static_cast<int>(*v), line_of(node)});
  }
  if (c->settings.mode == AdsMode::continuous && c->inputs.size() > 1)
    table.problem("mode", "continuous mode reads one input; with several use \"single\"");
  return c;
}

void Ads1115Chip::check_wiring(WiringCheck& check) const {
  check.place(where(), source_line, "hardware.ads1115");
  for (const auto& in : inputs) check.wire(in.channel, in.source_line);
}

std::string Ads1115Chip::where() const {
  char addr[8];
  std::snprintf(addr, sizeof addr, "0x%02x", address);
  return std::string(addr) + " on /dev/i2c-" + std::to_string(bus);
}

std::string Ads1115Chip::heading() const {
  char buf[96];
  std::snprintf(buf, sizeof buf, ": %g V full scale, %d samples/s, %s", settings.full_scale, settings.rate_sps,
                settings.mode == AdsMode::single_shot ? "single-shot" : "continuous");
  return "ADS1115 pads at " + where() + buf;
}

std::string Ads1115Chip::rate_text(double reads_per_s) const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f reads/s of all %zu inputs", reads_per_s, inputs.size());
  return buf;
}

std::string Ads1115Chip::silent_chip(const std::string& fault) const {
  // One message for the chip rather than the same one per input.
  if (fault.find("no answer from") != std::string::npos)
    return "no chip at " + where() + ": check SDA/SCL, power and the ADDR pin";
  return "ADS1115 at " + where() + ": " + fault;
}

}  // namespace chairhub::hw
