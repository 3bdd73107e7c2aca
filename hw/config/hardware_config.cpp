#include "hw/config/hardware_config.hpp"

#include <map>
#include <set>

#include "core/input_error.hpp"
#include "hw/ads1115/ads1115_regs.hpp"

namespace chairhub::hw {
namespace {

std::size_t line_of(const toml::node& node) { return node.source().begin.line; }

// Reads one table of the section, naming keys as "hardware.<section>.<key>".
class Keys {
 public:
  Keys(const toml::table& table, std::string where, const std::string& file)
      : table_(table), where_(std::move(where)), file_(file) {}

  [[noreturn]] void fail(const toml::node& node, const std::string& key, const std::string& what) const {
    throw InputError(file_, line_of(node), name(key) + ": " + what);
  }
  [[noreturn]] void fail_here(const std::string& what) const {
    throw InputError(file_, line_of(table_), where_ + ": " + what);
  }
  std::string name(const std::string& key) const { return where_ + "." + key; }

  const toml::node* get(const char* key) const { return table_.get(key); }

  void only(std::initializer_list<const char*> known) const {
    for (const auto& [k, node] : table_) {
      bool ok = false;
      for (const char* key : known) ok = ok || k.str() == key;
      if (!ok) fail(node, std::string(k.str()), "unknown key");
    }
  }

  const toml::node& required(const char* key) const {
    const toml::node* n = get(key);
    if (!n) fail_here("missing key \"" + std::string(key) + "\"");
    return *n;
  }

  std::optional<std::int64_t> integer(const char* key, std::int64_t min, std::int64_t max) const {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    const auto v = n->value_exact<std::int64_t>();
    if (!v) fail(*n, key, "expected a whole number");
    if (*v < min || *v > max) {
      fail(*n, key, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                        ", not " + std::to_string(*v));
    }
    return v;
  }

  std::optional<double> number(const char* key) const {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    if (!n->is_number()) fail(*n, key, "expected a number");
    return n->value<double>();
  }

  std::optional<std::string> string(const char* key) const {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    auto v = n->value_exact<std::string>();
    if (!v) fail(*n, key, "expected a string");
    return v;
  }

  std::optional<bool> boolean(const char* key) const {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    auto v = n->value_exact<bool>();
    if (!v) fail(*n, key, "expected true or false");
    return v;
  }

  // A pin: a BCM number or a kernel line name.
  LineId line(const toml::node& n, const std::string& key) const {
    if (auto num = n.value_exact<std::int64_t>()) {
      if (*num < 0 || *num > 1023) fail(n, key, "line number must be between 0 and 1023, not " + std::to_string(*num));
      return LineId(static_cast<unsigned>(*num));
    }
    if (auto s = n.value_exact<std::string>()) {
      if (s->empty()) fail(n, key, "line name is empty");
      return LineId(*s);
    }
    fail(n, key, "expected a line number (BCM) or a line name such as \"GPIO17\"");
  }

  const toml::table& table() const { return table_; }
  const std::string& file() const { return file_; }

 private:
  const toml::table& table_;
  std::string where_;
  const std::string& file_;
};

// `[hardware.x]` and `[[hardware.x]]` both work: one chip or several.
template <typename Fn>
void each_table(const Keys& parent, const char* key, Fn fn) {
  const toml::node* n = parent.get(key);
  if (!n) return;
  const std::string where = parent.name(key);
  if (const toml::table* t = n->as_table()) {
    fn(Keys(*t, where, parent.file()));
    return;
  }
  const toml::array* a = n->as_array();
  if (!a || !a->is_array_of_tables()) {
    parent.fail(*n, key, "expected a table ([" + where + "]) or tables ([[" + where + "]])");
  }
  for (std::size_t i = 0; i < a->size(); ++i) {
    fn(Keys(*a->get(i)->as_table(), where + "[" + std::to_string(i) + "]", parent.file()));
  }
}

Hx711Group read_hx711(const Keys& k) {
  k.only({"clock", "rate", "gain", "data", "data_bias"});
  Hx711Group g;
  g.source_line = line_of(k.table());
  g.clock = k.line(k.required("clock"), "clock");
  if (auto r = k.integer("rate", 0, 1000)) {
    if (*r != 10 && *r != 80) k.fail(*k.get("rate"), "rate", "must be 10 or 80 (the chip's RATE pin), not " + std::to_string(*r));
    g.rate_sps = static_cast<int>(*r);
  }
  if (auto gain = k.integer("gain", 0, 1000)) {
    const auto sel = hx711_gain_from_number(static_cast<int>(*gain));
    if (!sel) k.fail(*k.get("gain"), "gain", "must be 128 or 64 (channel A) or 32 (channel B), not " + std::to_string(*gain));
    g.gain = *sel;
  }
  if (auto bias = k.string("data_bias")) {
    static const std::map<std::string, Bias> names = {
        {"as-is", Bias::as_is}, {"disabled", Bias::disabled}, {"pull-up", Bias::pull_up}, {"pull-down", Bias::pull_down}};
    const auto it = names.find(*bias);
    if (it == names.end()) k.fail(*k.get("data_bias"), "data_bias", "must be \"pull-up\", \"pull-down\", \"disabled\" or \"as-is\", not \"" + *bias + "\"");
    g.data_bias = it->second;
  }
  const toml::node& data = k.required("data");
  const toml::table* t = data.as_table();
  if (!t || t->empty()) k.fail(data, "data", "expected a table of channel = data line, e.g. { seat_fl = 6 }");
  for (const auto& [name, node] : *t) {
    const std::string key = "data." + std::string(name.str());
    g.inputs.push_back({std::string(name.str()), k.line(node, key), line_of(node)});
  }
  return g;
}

Ads1115Chip read_ads1115(const Keys& k) {
  k.only({"bus", "address", "full_scale", "rate", "mode", "inputs"});
  Ads1115Chip c;
  c.source_line = line_of(k.table());
  if (auto bus = k.integer("bus", 0, 255)) c.bus = static_cast<int>(*bus);
  if (auto a = k.integer("address", 0x48, 0x4B)) c.address = static_cast<std::uint8_t>(*a);
  if (auto fs = k.number("full_scale")) {
    if (!ads1115::pga_code(*fs)) k.fail(*k.get("full_scale"), "full_scale", "must be one of 6.144, 4.096, 2.048, 1.024, 0.512, 0.256 (volts)");
    c.settings.full_scale = *fs;
  }
  if (auto r = k.integer("rate", 0, 100000)) {
    if (!ads1115::dr_code(static_cast<int>(*r))) k.fail(*k.get("rate"), "rate", "must be one of 8, 16, 32, 64, 128, 250, 475, 860, not " + std::to_string(*r));
    c.settings.rate_sps = static_cast<int>(*r);
  }
  if (auto m = k.string("mode")) {
    if (*m == "single") c.settings.mode = AdsMode::single_shot;
    else if (*m == "continuous") c.settings.mode = AdsMode::continuous;
    else k.fail(*k.get("mode"), "mode", "must be \"single\" or \"continuous\", not \"" + *m + "\"");
  }
  const toml::node& inputs = k.required("inputs");
  const toml::table* t = inputs.as_table();
  if (!t || t->empty()) k.fail(inputs, "inputs", "expected a table of channel = input 0..3, e.g. { lumbar_l = 0 }");
  std::set<std::int64_t> used;
  for (const auto& [name, node] : *t) {
    const std::string key = "inputs." + std::string(name.str());
    const auto v = node.value_exact<std::int64_t>();
    if (!v || *v < 0 || *v > 3) k.fail(node, key, "expected an input number 0..3 (AIN0..AIN3)");
    if (!used.insert(*v).second) k.fail(node, key, "input AIN" + std::to_string(*v) + " is used twice");
    c.inputs.push_back({std::string(name.str()), static_cast<int>(*v), line_of(node)});
  }
  if (c.settings.mode == AdsMode::continuous && c.inputs.size() > 1) {
    k.fail(*k.get("mode"), "mode", "continuous mode reads one input; with several use \"single\"");
  }
  return c;
}

OutputConfig read_output(const Keys& k) {
  k.only({"name", "kind", "line", "active_low"});
  OutputConfig o;
  o.source_line = line_of(k.table());
  o.name = k.string("name").value_or("");
  if (o.name.empty()) k.fail_here("missing key \"name\"");
  const std::string kind = k.string("kind").value_or("led");
  if (kind == "led") o.kind = OutputKind::led;
  else if (kind == "buzzer") o.kind = OutputKind::buzzer;
  else k.fail(*k.get("kind"), "kind", "must be \"led\" or \"buzzer\", not \"" + kind + "\"");
  o.line = k.line(k.required("line"), "line");
  o.active_low = k.boolean("active_low").value_or(false);
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

HardwareConfig read_hardware_config(const toml::table& hardware, const std::string& file) {
  const Keys k(hardware, "hardware", file);
  k.only({"gpio_chip", "realtime", "realtime_priority", "hx711", "ads1115", "outputs"});
  HardwareConfig c;
  c.file = file;
  c.gpio_chip = k.string("gpio_chip").value_or("");
  c.realtime = k.boolean("realtime").value_or(true);
  if (auto p = k.integer("realtime_priority", 1, 99)) c.realtime_priority = static_cast<int>(*p);
  each_table(k, "hx711", [&](const Keys& t) { c.hx711.push_back(read_hx711(t)); });
  each_table(k, "ads1115", [&](const Keys& t) { c.ads1115.push_back(read_ads1115(t)); });
  each_table(k, "outputs", [&](const Keys& t) { c.outputs.push_back(read_output(t)); });
  return c;
}

void check_hardware_config(const HardwareConfig& c, const ChannelLayout& layout) {
  std::map<std::string, std::size_t> wired;  // channel -> line in the file
  const auto wire = [&](const std::string& channel, std::size_t line) {
    if (!layout.find(channel)) {
      std::string names;
      for (const auto& ch : layout.channels) names += (names.empty() ? "" : ", ") + ch.name;
      throw InputError(c.file, line, "hardware: channel \"" + channel + "\" is not in the channel layout (" + names + ")");
    }
    if (const auto it = wired.find(channel); it != wired.end()) {
      throw InputError(c.file, line, "hardware: channel \"" + channel + "\" is already wired at line " + std::to_string(it->second));
    }
    wired[channel] = line;
  };
  std::vector<std::pair<LineId, std::size_t>> lines;
  const auto use = [&](const LineId& id, std::size_t line) {
    for (const auto& [other, at] : lines) {
      if (other == id) throw InputError(c.file, line, "hardware: GPIO line " + id.text() + " is already used at line " + std::to_string(at));
    }
    lines.emplace_back(id, line);
  };
  for (const auto& g : c.hx711) {
    use(g.clock, g.source_line);
    for (const auto& in : g.inputs) {
      wire(in.channel, in.source_line);
      use(in.data, in.source_line);
    }
  }
  std::set<std::pair<int, int>> chips;
  for (const auto& a : c.ads1115) {
    if (!chips.insert({a.bus, a.address}).second) {
      throw InputError(c.file, a.source_line, "hardware.ads1115: two chips at the same bus and address");
    }
    for (const auto& in : a.inputs) wire(in.channel, in.source_line);
  }
  std::set<std::string> names;
  for (const auto& o : c.outputs) {
    if (!names.insert(o.name).second) throw InputError(c.file, o.source_line, "hardware.outputs: output \"" + o.name + "\" is named twice");
    use(o.line, o.source_line);
    // The outputs are requested together, and one request has one polarity.
    if (o.active_low != c.outputs.front().active_low) {
      throw InputError(c.file, o.source_line,
                       "hardware.outputs: output \"" + o.name + "\": all outputs must share the same active_low");
    }
  }
}

}  // namespace chairhub::hw
