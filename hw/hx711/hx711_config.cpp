#include "hw/hx711/hx711_config.hpp"

#include <cstdio>
#include <map>

#include "core/channel.hpp"
#include "hw/config/config_values.hpp"
#include "hw/config/wiring_check.hpp"

namespace chairhub::hw {

// A log's seat cells default to this range (core/channel.hpp): they are HX711s.
static_assert(kHx711Range.min == kHx711Min && kHx711Range.max == kHx711Max);

namespace {

void read_hx711_settings(const SectionReader& k, Hx711Group& g) {
  if (auto r = k.integer("rate", 0, 1000)) {
    if (*r == 10 || *r == 80) g.rate_sps = static_cast<int>(*r);
    else k.problem("rate", "must be 10 or 80 (the chip's RATE pin), not " + std::to_string(*r));
  }
  if (auto gain = k.integer("gain", 0, 1000)) {
    if (const auto sel = hx711_gain_from_number(static_cast<int>(*gain))) g.gain = *sel;
    else k.problem("gain", "must be 128 or 64 (channel A) or 32 (channel B), not " + std::to_string(*gain));
  }
  if (auto bias = k.string("data_bias")) {
    static const std::map<std::string, Bias> names = {
        {"as-is", Bias::as_is}, {"disabled", Bias::disabled}, {"pull-up", Bias::pull_up}, {"pull-down", Bias::pull_down}};
    const auto it = names.find(*bias);
    if (it != names.end()) g.data_bias = it->second;
    else k.problem("data_bias", "must be \"pull-up\", \"pull-down\", \"disabled\" or \"as-is\", not \"" + *bias + "\"");
  }
}

}  // namespace

std::shared_ptr<ChipConfig> read_hx711_config(const SectionReader& table) {
  table.known_keys({"clock", "rate", "gain", "data", "data_bias"});
  auto g = std::make_shared<Hx711Group>();
  g->source_line = table.line();
  if (const toml::node* clock = required(table, "clock"))
    if (auto line = read_line(table, *clock, "clock")) g->clock = *line;
  read_hx711_settings(table, *g);
  if (const toml::table* t = channel_table(table, "data", "expected a table of channel = data line, e.g. { seat_fl = 6 }")) {
    for (const auto& [name, node] : *t) {
      if (auto line = read_line(table, node, "data." + std::string(name.str())))
        g->inputs.push_back({std::string(name.str()), *line, line_of(node)});
    }
  }
  return g;
}

std::vector<LineId> Hx711Group::gpio_lines() const {
  std::vector<LineId> out{clock};
  for (const auto& in : inputs) out.push_back(in.data);
  return out;
}

void Hx711Group::check_wiring(WiringCheck& check) const {
  check.use(clock, source_line);
  for (const auto& in : inputs) {
    check.wire(in.channel, in.source_line);
    check.use(in.data, in.source_line);
  }
}

std::string Hx711Group::heading() const {
  return "HX711 load cells: clock on line " + clock.text() + ", " + std::to_string(rate_sps) + " samples/s, gain " +
         std::to_string(hx711_gain_number(gain));
}

std::string Hx711Group::rate_problem(double reads_per_s) const {
  // Every chip answering yet much faster than configured: the RATE pin says 80.
  if (reads_per_s <= 1.5 * rate_sps) return {};
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f", reads_per_s);
  return "HX711 on clock line " + clock.text() + ": reads come at " + rate + "/s but rate = " +
         std::to_string(rate_sps) + ": is the RATE pin tied high? then set rate = 80";
}

}  // namespace chairhub::hw
