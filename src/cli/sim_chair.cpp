#include "cli/sim_chair.hpp"

#include <algorithm>
#include <toml++/toml.h>

#include "core/input_error.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::cli {
namespace {

std::size_t line_of(const toml::node& node) { return node.source().begin.line; }

// Reads the simulation file with every complaint naming file and line.
class SimReader {
 public:
  explicit SimReader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const toml::node& node, const std::string& what) const {
    throw InputError(path_, line_of(node), what);
  }

  void only(const toml::table& t, const std::string& where, std::initializer_list<const char*> keys) const {
    for (const auto& [k, node] : t) {
      const std::string_view name = k.str();  // a lambda cannot capture a binding before clang 16
      if (std::none_of(keys.begin(), keys.end(), [&](const char* key) { return name == key; }))
        fail(node, where + std::string(name) + ": unknown key");
    }
  }

  double number(const toml::table& t, const std::string& where, const char* key, double fallback) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_number()) fail(*n, where + key + ": expected a number");
    return *n->value<double>();
  }

  const toml::table& table(const toml::node& n, const std::string& where) const {
    if (!n.is_table()) fail(n, where + ": expected a table");
    return *n.as_table();
  }

  void channel(const ChannelLayout& layout, const toml::node& n, const std::string& name, bool seat) const {
    const auto i = layout.find(name);
    if (!i) fail(n, name + ": not a channel of the config");
    if ((layout.channels[*i].role == Role::seat) != seat)
      fail(n, name + ": is a " + std::string(to_string(layout.channels[*i].role)) + " channel");
  }

 private:
  std::string path_;
};

const hw::Hx711Input* hx711_input(const hw::HardwareConfig& wiring, const std::string& channel) {
  for (const auto& g : wiring.hx711)
    for (const auto& in : g.inputs)
      if (in.channel == channel) return &in;
  return nullptr;
}

const hw::Ads1115Chip* ads_chip(const hw::HardwareConfig& wiring, const std::string& channel) {
  for (const auto& a : wiring.ads1115)
    for (const auto& in : a.inputs)
      if (in.channel == channel) return &a;
  return nullptr;
}

}  // namespace

SimChair::SimChair(const std::string& path, const hw::HardwareConfig& wiring, const ChannelLayout& layout,
                   hw::Clock& clock)
    : layout_(layout), clock_(clock), start_(clock.now()), hardware_(wiring, clock) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw InputError(path, e.source().begin.line, std::string(e.description()));
  }
  const SimReader r(path);
  r.only(root, "", {"noise", "cells", "pads", "scene", "faults"});
  noise_ = std::max(0.0, r.number(root, "", "noise", 0));
  if (const toml::node* n = root.get("cells")) {
    for (const auto& [k, v] : r.table(*n, "cells")) {
      const std::string name(k.str());
      r.channel(layout, v, name, true);
      const toml::table& t = r.table(v, "cells." + name);
      r.only(t, "cells." + name + ".", {"offset", "per_kg"});
      cells_[name] = {r.number(t, name + ".", "offset", 0), r.number(t, name + ".", "per_kg", 21000)};
    }
  }
  if (const toml::node* n = root.get("pads")) {
    for (const auto& [k, v] : r.table(*n, "pads")) {
      const std::string name(k.str());
      r.channel(layout, v, name, false);
      const toml::table& t = r.table(v, "pads." + name);
      r.only(t, "pads." + name + ".", {"empty", "full"});
      pads_[name] = {r.number(t, name + ".", "empty", 800), r.number(t, name + ".", "full", 24000)};
    }
  }
  if (const toml::node* n = root.get("scene")) {
    const toml::array* list = n->as_array();
    if (!list || !list->is_array_of_tables()) r.fail(*n, "scene: expected [[scene]] tables");
    for (const toml::node& item : *list) {
      const toml::table& t = *item.as_table();
      r.only(t, "scene.", {"at", "kg", "x", "y", "pads"});
      Timed step;
      step.at = r.number(t, "scene.", "at", 0);
      step.scene.kg = r.number(t, "scene.", "kg", 0);
      step.scene.x = r.number(t, "scene.", "x", 0);
      step.scene.y = r.number(t, "scene.", "y", 0);
      if (const toml::node* p = t.get("pads")) {
        for (const auto& [k, v] : r.table(*p, "scene.pads")) {
          r.channel(layout, v, std::string(k.str()), false);
          if (!v.is_number()) r.fail(v, "scene.pads." + std::string(k.str()) + ": expected a contact 0..1");
          step.scene.pads[std::string(k.str())] = *v.value<double>();
        }
      }
      if (!timeline_.empty() && step.at < timeline_.back().at) r.fail(t, "scene: `at` must not go backwards");
      timeline_.push_back(std::move(step));
    }
  }
  if (const toml::node* n = root.get("faults")) {
    for (const auto& [k, v] : r.table(*n, "faults")) {
      const std::string name(k.str());
      const auto what = v.value_exact<std::string>();
      if (name == "taken") {  // lines another program holds
        const toml::array* list = v.as_array();
        if (!list) r.fail(v, "faults.taken: expected a list of line numbers, e.g. [16]");
        for (const toml::node& line : *list) {
          const auto number = line.value_exact<std::int64_t>();
          if (!number || *number < 0 || *number > 63) r.fail(line, "faults.taken: expected line numbers 0..63");
          taken_.push_back(
              hardware_.gpio().request(hw::LineRequest::inputs({hw::LineId(static_cast<unsigned>(*number))})));
        }
        continue;
      }
      if (name == "i2c") {
        if (what != "no_bus") r.fail(v, "faults.i2c: the only I2C fault is \"no_bus\"");
        no_i2c_ = true;
        continue;
      }
      if (const hw::Hx711Input* in = hx711_input(wiring, name)) {
        if (what == "never_ready") hardware_.hx711(name)->set_never_ready(true);
        else if (what == "unplugged") hardware_.hx711(name)->set_connected(false);
        else if (what == "stuck_low") hardware_.gpio().stick(hardware_.offset(in->data), 0);
        else r.fail(v, "faults." + name + ": an HX711 fault is \"never_ready\", \"stuck_low\" or \"unplugged\"");
      } else if (const hw::Ads1115Chip* chip = ads_chip(wiring, name)) {
        if (what != "absent") r.fail(v, "faults." + name + ": a pad's fault is \"absent\" (its ADS1115 does not answer)");
        hardware_.ads1115(chip->bus, chip->address)->set_present(false);
      } else {
        r.fail(v, "faults." + name + ": not a channel wired in [hardware]");
      }
    }
  }
}

hw::Backends SimChair::backends() {
  hw::Backends b = hardware_.backends();
  if (no_i2c_) {
    // Worded as the i2c-dev backend words it when the bus is not enabled.
    b.open_i2c = [](int bus, std::uint8_t) -> std::unique_ptr<hw::I2cDevice> {
      throw hw::DeviceError(hw::ErrorKind::no_device, "opening /dev/i2c-" + std::to_string(bus) +
                                                          ": No such file or directory (is I2C enabled and "
                                                          "i2c-dev loaded? see hw/README.md)");
    };
  }
  return b;
}

void SimChair::hold(const Scene& scene) { held_ = std::make_unique<Scene>(scene); }

const Scene& SimChair::current() const {
  static const Scene empty{};
  if (held_) return *held_;
  const double t = hw::to_seconds(clock_.now() - start_);
  const Scene* now = &empty;
  for (const auto& step : timeline_)
    if (step.at <= t) now = &step.scene;
  return *now;
}

double SimChair::noise() {
  // xorshift: the same noise on every run, no seeding to think about.
  random_ ^= random_ << 13;
  random_ ^= random_ >> 7;
  random_ ^= random_ << 17;
  return noise_ * (static_cast<double>(random_ % 2001) / 1000.0 - 1.0);
}

void SimChair::update() {
  const Scene& scene = current();
  // How a point load spreads over the cells: bilinear in the cells' positions, which puts it all
  // on one cell when it rests right over that corner of a four-cell seat.
  std::vector<double> share(layout_.size(), 0);
  double total = 0;
  for (std::size_t i = 0; i < layout_.size(); ++i) {
    const Channel& ch = layout_.channels[i];
    if (ch.role != Role::seat) continue;
    share[i] = std::max(0.0, 1 + ch.x * scene.x) * std::max(0.0, 1 + ch.y * scene.y);
    total += share[i];
  }
  for (std::size_t i = 0; i < layout_.size(); ++i) {
    const Channel& ch = layout_.channels[i];
    double raw = 0;
    if (ch.role == Role::seat) {
      const auto it = cells_.find(ch.name);
      const Cell cell = it == cells_.end() ? Cell{} : it->second;
      raw = cell.offset + cell.per_kg * scene.kg * (total > 0 ? share[i] / total : 0);
    } else {
      const auto it = pads_.find(ch.name);
      const Pad pad = it == pads_.end() ? Pad{} : it->second;
      const auto contact = scene.pads.find(ch.name);
      raw = pad.empty + (pad.full - pad.empty) * std::clamp(contact == scene.pads.end() ? 0.0 : contact->second, 0.0, 1.0);
    }
    hardware_.set_raw(ch.name, std::clamp(raw + noise(), ch.raw_min, ch.raw_max));
  }
}

}  // namespace chairhub::cli
