#include "cli/sim_chair.hpp"

#include <algorithm>
#include <cmath>
#include <toml++/toml.h>

#include "core/input_error.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::cli {
namespace {

const toml::table kNone;

// A table of the file keyed by channel names; nothing (and a problem) when it is not a table.
const toml::table* table_of(const SectionReader& r, const toml::node& n, const std::string& key) {
  if (!n.is_table()) r.problem_at(n, key, "expected a table");
  return n.as_table();
}

// `name` must be a channel of the config, a seat cell when `seat` and a pad otherwise.
bool is_channel(const SectionReader& r, const ChannelLayout& layout, const toml::node& n, const std::string& name,
                bool seat) {
  const auto i = layout.find(name);
  if (!i) {
    r.problems().add(r.file(), n.source().begin.line, name, "not a channel of the config");
    return false;
  }
  if ((layout.channels[*i].role == Role::seat) == seat) return true;
  r.problems().add(r.file(), n.source().begin.line, name,
                   "is a " + std::string(to_string(layout.channels[*i].role)) + " channel");
  return false;
}

double number_or(const SectionReader& t, std::string_view key, double fallback) {
  return t.number(key, -HUGE_VAL, HUGE_VAL).value_or(fallback);
}

}  // namespace

SimChair::SimChair(const std::string& path, const hw::HardwareConfig& wiring, const ChannelLayout& layout,
                   hw::Clock& clock)
    : layout_(layout), clock_(clock), start_(clock.now()), hardware_(wiring, clock) {
  Problems problems;
  std::string why_not;
  const auto text = read_text_file(path, why_not);
  if (!text) throw InputError(path, 0, "cannot open: " + why_not);
  const auto root = parse_toml(*text, path, problems);
  problems.raise<InputError>();
  const SectionReader r(*root, "", path, problems);
  r.known_keys({"noise", "cells", "pads", "scene", "faults"});
  noise_ = std::max(0.0, number_or(r, "noise", 0));
  read_cells(r);
  read_pads(r);
  read_scenes(r);
  read_faults(r);
  problems.raise<InputError>();
}

void SimChair::read_cells(const SectionReader& root) {
  const toml::node* n = root.get("cells");
  const toml::table* cells = n ? table_of(root, *n, "cells") : nullptr;
  for (const auto& [k, v] : cells ? *cells : kNone) {
    const std::string name(k.str());
    if (!is_channel(root, layout_, v, name, true) || !table_of(root, v, "cells." + name)) continue;
    const SectionReader t(*v.as_table(), name, root.file(), root.problems());
    t.known_keys({"offset", "per_kg"});
    cells_[name] = {number_or(t, "offset", 0), number_or(t, "per_kg", 21000)};
  }
}

void SimChair::read_pads(const SectionReader& root) {
  const toml::node* n = root.get("pads");
  const toml::table* pads = n ? table_of(root, *n, "pads") : nullptr;
  for (const auto& [k, v] : pads ? *pads : kNone) {
    const std::string name(k.str());
    if (!is_channel(root, layout_, v, name, false) || !table_of(root, v, "pads." + name)) continue;
    const SectionReader t(*v.as_table(), name, root.file(), root.problems());
    t.known_keys({"empty", "full"});
    pads_[name] = {number_or(t, "empty", 800), number_or(t, "full", 24000)};
  }
}

void SimChair::read_scenes(const SectionReader& root) {
  for (const auto& t : root.tables("scene", false, "expected [[scene]] tables")) {
    const SectionReader s(t.node(), "scene", t.file(), t.problems());
    s.known_keys({"at", "kg", "x", "y", "pads"});
    Timed step;
    step.at = number_or(s, "at", 0);
    step.scene.kg = number_or(s, "kg", 0);
    step.scene.x = number_or(s, "x", 0);
    step.scene.y = number_or(s, "y", 0);
    const toml::node* p = s.get("pads");
    const toml::table* pads = p ? table_of(s, *p, "pads") : nullptr;
    for (const auto& [k, v] : pads ? *pads : kNone) {
      const std::string name(k.str());
      if (!is_channel(s, layout_, v, name, false)) continue;
      if (v.is_number()) step.scene.pads[name] = *v.value<double>();
      else s.problem_at(v, "pads." + name, "expected a contact 0..1");
    }
    if (!timeline_.empty() && step.at < timeline_.back().at) s.problem_here("`at` must not go backwards");
    timeline_.push_back(std::move(step));
  }
}

void SimChair::read_faults(const SectionReader& root) {
  const toml::node* n = root.get("faults");
  const toml::table* faults = n ? table_of(root, *n, "faults") : nullptr;
  if (!faults) return;
  const SectionReader r(*faults, "faults", root.file(), root.problems());
  for (const auto& [k, v] : *faults) read_fault(r, std::string(k.str()), v);
}

void SimChair::read_fault(const SectionReader& faults, const std::string& name, const toml::node& v) {
  const auto what = v.value_exact<std::string>();
  if (name == "taken") {  // lines another program holds
    const toml::array* list = v.as_array();
    if (!list) return faults.problem_at(v, name, "expected a list of line numbers, e.g. [16]");
    for (const toml::node& line : *list) {
      const auto number = line.value_exact<std::int64_t>();
      if (!number || *number < 0 || *number > 63) return faults.problem_at(line, name, "expected line numbers 0..63");
      taken_.push_back(hardware_.gpio().request(hw::LineRequest::inputs({hw::LineId(static_cast<unsigned>(*number))})));
    }
  } else if (name == "i2c") {
    if (what == "no_bus") no_i2c_ = true;
    else faults.problem_at(v, name, "the only I2C fault is \"no_bus\"");
  } else if (const auto wrong = hardware_.inject(name, what.value_or(""))) {
    if (!wrong->empty()) faults.problem_at(v, name, *wrong);  // the faults its chip's model knows
  } else {
    faults.problem_at(v, name, "not a channel wired in [hardware]");
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
