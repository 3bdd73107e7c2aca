#include "hw/config/hardware_config.hpp"

#include <cmath>
#include <map>
#include <set>

#include "hw/ads1115/ads1115_regs.hpp"

namespace chairhub::hw {
namespace {

std::size_t line_of(const toml::node& node) { return node.source().begin.line; }

// A pin: a BCM number or a kernel line name; nothing (and a problem) otherwise.
std::optional<LineId> read_line(const SectionReader& r, const toml::node& n, const std::string& key) {
  if (auto num = n.value_exact<std::int64_t>()) {
    if (*num >= 0 && *num <= 1023) return LineId(static_cast<unsigned>(*num));
    r.problem_at(n, key, "line number must be between 0 and 1023, not " + std::to_string(*num));
  } else if (auto s = n.value_exact<std::string>()) {
    if (!s->empty()) return LineId(*s);
    r.problem_at(n, key, "line name is empty");
  } else {
    r.problem_at(n, key, "expected a line number (BCM) or a line name such as \"GPIO17\"");
  }
  return std::nullopt;
}

// A key that must be there.
const toml::node* required(const SectionReader& r, const char* key) {
  const toml::node* n = r.get(key);
  if (!n) r.problem_here("missing key \"" + std::string(key) + "\"");
  return n;
}

// The `[x]` or `[[x]]` tables of the section: one chip or several.
std::vector<SectionReader> chip_tables(const SectionReader& r, const char* key) {
  const std::string where = r.name_of(key);
  return r.tables(key, true, "expected a table ([" + where + "]) or tables ([[" + where + "]])");
}

// A table of channel = value with at least one entry.
const toml::table* channel_table(const SectionReader& r, const char* key, const std::string& expected) {
  const toml::node* n = required(r, key);
  if (!n) return nullptr;
  const toml::table* t = n->as_table();
  if (!t || t->empty()) {
    r.problem(key, expected);
    return nullptr;
  }
  return t;
}

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

Hx711Group read_hx711(const SectionReader& k) {
  k.known_keys({"clock", "rate", "gain", "data", "data_bias"});
  Hx711Group g;
  g.source_line = k.line();
  if (const toml::node* clock = required(k, "clock"))
    if (auto line = read_line(k, *clock, "clock")) g.clock = *line;
  read_hx711_settings(k, g);
  if (const toml::table* t = channel_table(k, "data", "expected a table of channel = data line, e.g. { seat_fl = 6 }")) {
    for (const auto& [name, node] : *t) {
      if (auto line = read_line(k, node, "data." + std::string(name.str())))
        g.inputs.push_back({std::string(name.str()), *line, line_of(node)});
    }
  }
  return g;
}

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

Ads1115Chip read_ads1115(const SectionReader& k) {
  k.known_keys({"bus", "address", "full_scale", "rate", "mode", "inputs"});
  Ads1115Chip c;
  c.source_line = k.line();
  read_ads1115_settings(k, c);
  const toml::table* t = channel_table(k, "inputs", "expected a table of channel = input 0..3, e.g. { lumbar_l = 0 }");
  std::set<std::int64_t> used;
  static const toml::table none;
  for (const auto& [name, node] : t ? *t : none) {
    const std::string key = "inputs." + std::string(name.str());
    const auto v = node.value_exact<std::int64_t>();
    if (!v || *v < 0 || *v > 3) k.problem_at(node, key, "expected an input number 0..3 (AIN0..AIN3)");
    else if (!used.insert(*v).second) k.problem_at(node, key, "input AIN" + std::to_string(*v) + " is used twice");
    else c.inputs.push_back({std::string(name.str()), static_cast<int>(*v), line_of(node)});
  }
  if (c.settings.mode == AdsMode::continuous && c.inputs.size() > 1)
    k.problem("mode", "continuous mode reads one input; with several use \"single\"");
  return c;
}

OutputConfig read_output(const SectionReader& k) {
  k.known_keys({"name", "kind", "line", "active_low"});
  OutputConfig o;
  o.source_line = k.line();
  o.name = k.string("name").value_or("");
  if (o.name.empty()) k.problem_here("missing key \"name\"");
  const std::string kind = k.string("kind").value_or("led");
  if (kind == "led") o.kind = OutputKind::led;
  else if (kind == "buzzer") o.kind = OutputKind::buzzer;
  else k.problem("kind", "must be \"led\" or \"buzzer\", not \"" + kind + "\"");
  if (const toml::node* line = required(k, "line"))
    if (auto id = read_line(k, *line, "line")) o.line = *id;
  k.read("active_low", o.active_low);
  return o;
}

}  // namespace

std::vector<LineId> HardwareConfig::all_lines() const {
  std::vector<LineId> out;
  for (const auto& g : hx711) {
    out.push_back(g.clock);
    for (const auto& in : g.inputs) out.push_back(in.data);
  }
  for (const auto& o : outputs) out.push_back(o.line);
  return out;
}

HardwareConfig read_hardware_config(const SectionReader& k) {
  k.known_keys({"gpio_chip", "realtime", "realtime_priority", "hx711", "ads1115", "outputs"});
  HardwareConfig c;
  c.file = k.file();
  k.read("gpio_chip", c.gpio_chip);
  k.read("realtime", c.realtime);
  k.read_integer("realtime_priority", c.realtime_priority, 1, 99);
  for (const auto& t : chip_tables(k, "hx711")) c.hx711.push_back(read_hx711(t));
  for (const auto& t : chip_tables(k, "ads1115")) c.ads1115.push_back(read_ads1115(t));
  for (const auto& t : chip_tables(k, "outputs")) c.outputs.push_back(read_output(t));
  return c;
}

HardwareConfig read_hardware_config(const toml::table& hardware, const std::string& file) {
  Problems problems;
  HardwareConfig c = read_hardware_config(SectionReader(hardware, "hardware", file, problems));
  problems.raise();
  return c;
}

namespace {

// What check_hardware_config has seen so far: wired channels and used lines, with their lines.
class WiringCheck {
 public:
  WiringCheck(const HardwareConfig& c, const ChannelLayout& layout, Problems& problems)
      : c_(c), layout_(layout), problems_(problems) {}

  void wire(const std::string& channel, std::size_t line) {
    if (!layout_.find(channel)) {
      std::string names;
      for (const auto& ch : layout_.channels) names += (names.empty() ? "" : ", ") + ch.name;
      return problem(line, "hardware", "channel \"" + channel + "\" is not in the channel layout (" + names + ")");
    }
    if (const auto it = wired_.find(channel); it != wired_.end())
      return problem(line, "hardware", "channel \"" + channel + "\" is already wired at line " + std::to_string(it->second));
    wired_[channel] = line;
  }

  void use(const LineId& id, std::size_t line) {
    for (const auto& [other, at] : lines_) {
      if (other == id)
        return problem(line, "hardware", "GPIO line " + id.text() + " is already used at line " + std::to_string(at));
    }
    lines_.emplace_back(id, line);
  }

  void problem(std::size_t line, const std::string& key, const std::string& what) { problems_.add(c_.file, line, key, what); }

 private:
  const HardwareConfig& c_;
  const ChannelLayout& layout_;
  Problems& problems_;
  std::map<std::string, std::size_t> wired_;  // channel -> line in the file
  std::vector<std::pair<LineId, std::size_t>> lines_;
};

}  // namespace

void check_hardware_config(const HardwareConfig& c, const ChannelLayout& layout, Problems& problems) {
  WiringCheck check(c, layout, problems);
  for (const auto& g : c.hx711) {
    check.use(g.clock, g.source_line);
    for (const auto& in : g.inputs) {
      check.wire(in.channel, in.source_line);
      check.use(in.data, in.source_line);
    }
  }
  std::set<std::pair<int, int>> chips;
  for (const auto& a : c.ads1115) {
    if (!chips.insert({a.bus, a.address}).second)
      check.problem(a.source_line, "hardware.ads1115", "two chips at the same bus and address");
    for (const auto& in : a.inputs) check.wire(in.channel, in.source_line);
  }
  std::set<std::string> names;
  for (const auto& o : c.outputs) {
    if (!names.insert(o.name).second) check.problem(o.source_line, "hardware.outputs", "output \"" + o.name + "\" is named twice");
    check.use(o.line, o.source_line);
    // The outputs are requested together, and one request has one polarity.
    if (o.active_low != c.outputs.front().active_low)
      check.problem(o.source_line, "hardware.outputs", "output \"" + o.name + "\": all outputs must share the same active_low");
  }
}

void check_hardware_config(const HardwareConfig& config, const ChannelLayout& layout) {
  Problems problems;
  check_hardware_config(config, layout, problems);
  problems.raise();
}

}  // namespace chairhub::hw
