#include "sim/scenario.hpp"

#include <toml++/toml.h>

namespace chairhub {
namespace {

const toml::table kNoTable;
const toml::array kNoLines;

// [sitter] and [log] may be left out: their defaults.
SectionReader optional_table(const SectionReader& root, std::string_view key) {
  if (auto t = root.table(key)) return *t;
  return SectionReader(kNoTable, std::string(key), root.file(), root.problems());
}

// Scenario keys are named without their table ("mass_kg", not "sitter.mass_kg").
SectionReader unnamed(const SectionReader& t) { return SectionReader(t.node(), "", t.file(), t.problems()); }

double number_or(const SectionReader& t, std::string_view key, double fallback, double min, double max) {
  return t.number(key, min, max).value_or(fallback);
}

void read_sitter(const SectionReader& t, Scenario& s) {
  t.known_keys({"mass_kg", "offset_x", "offset_y", "seed", "slouch_slide", "lean_reach", "seat_share",
                "back_firmness"});
  s.mass_kg = number_or(t, "mass_kg", s.mass_kg, 20, 300);
  s.offset_x = number_or(t, "offset_x", 0, -0.5, 0.5);
  s.offset_y = number_or(t, "offset_y", 0, -0.5, 0.5);
  BodyGeometry& b = s.body;
  b.slouch_slide = number_or(t, "slouch_slide", b.slouch_slide, 0, 0.6);
  b.lean_reach = number_or(t, "lean_reach", b.lean_reach, 0.3, 2);
  b.seat_share = number_or(t, "seat_share", b.seat_share, 0.5, 0.95);
  b.back_firmness = number_or(t, "back_firmness", b.back_firmness, 0.2, 2);
  s.seed = static_cast<std::uint64_t>(number_or(t, "seed", 1, 0, 1e15));
}

void read_log_table(const SectionReader& t, Scenario& s) {
  t.known_keys({"rate_hz", "units", "noise_kg", "noise_contact", "spikes_per_hour", "drift_kg_per_h", "move_s"});
  s.rate_hz = number_or(t, "rate_hz", s.rate_hz, 0.1, 1000);
  const std::string units = t.string("units").value_or("calibrated");
  if (units != "raw" && units != "calibrated") t.problem("units", "must be \"raw\" or \"calibrated\"");
  s.units = units == "raw" ? Units::raw : Units::calibrated;
  s.noise_kg = number_or(t, "noise_kg", s.noise_kg, 0, 50);
  s.noise_contact = number_or(t, "noise_contact", s.noise_contact, 0, 1);
  s.spikes_per_hour = number_or(t, "spikes_per_hour", 0, 0, 1e6);
  s.drift_kg_per_h = number_or(t, "drift_kg_per_h", 0, -100, 100);
  s.move_s = number_or(t, "move_s", s.move_s, 0, 60);
}

ScenarioStep read_step(const SectionReader& t) {
  t.known_keys({"posture", "feet", "seconds", "minutes"});
  ScenarioStep step;
  const std::string posture = t.string("posture").value_or("upright");
  if (posture != "away") {
    step.posture = posture_from_string(posture);
    if (!step.posture) t.problem("posture", "'" + posture + "' is not a posture (or \"away\")");
    if (step.posture == Posture::other)
      t.problem("posture", "'other' is what the analysis reports when no named posture fits; name one");
  }
  const std::string feet = t.string("feet").value_or("flat");
  if (feet == "flat") step.feet = Feet::flat;
  else if (feet == "tucked") step.feet = Feet::tucked;
  else if (feet == "dangling") step.feet = Feet::dangling;
  else t.problem("feet", "must be \"flat\", \"tucked\" or \"dangling\"");
  step.duration_s = number_or(t, "seconds", 0, 0, 1e7) + 60 * number_or(t, "minutes", 0, 0, 1e6);
  if (step.duration_s <= 0) t.problem_at(t.node(), "step", "needs seconds or minutes");
  return step;
}

ScenarioFault read_fault(const SectionReader& t, const ChannelLayout& layout) {
  t.known_keys({"channel", "kind", "at_s", "for_s"});
  ScenarioFault f{t.string("channel").value_or(""), t.string("kind").value_or(""), number_or(t, "at_s", 0, 0, 1e9),
                  number_or(t, "for_s", 0, 0, 1e9)};
  if (!layout.find(f.channel)) t.problem("channel", "'" + f.channel + "' is not a channel of the config");
  if (f.kind != "missing" && f.kind != "stuck" && f.kind != "saturated")
    t.problem("kind", "must be \"missing\", \"stuck\" or \"saturated\"");
  return f;
}

// The channel `name` of the layout, or a problem saying why not: not one, or not a seat cell when
// `seat` (else not a pad).
const Channel* channel_of(const SectionReader& t, const toml::node& n, const std::string& name,
                          const ChannelLayout& layout, std::optional<bool> seat) {
  const auto i = layout.find(name);
  if (!i) {
    t.problem_at(n, name, "not a channel of the config");
    return nullptr;
  }
  const Channel& c = layout.channels[*i];
  if (!seat || (c.role == Role::seat) == *seat) return &c;
  t.problem_at(n, name, "is a " + std::string(to_string(c.role)) + " channel");
  return nullptr;
}

// [sensors]: channel = { offset, per_kg } for a seat cell, { empty, full } for a pad.
void read_sensors(const SectionReader& t, const ChannelLayout& layout, Scenario& s) {
  for (const auto& [key, node] : t.node()) {
    const std::string name(key.str());
    const Channel* c = channel_of(t, node, name, layout, std::nullopt);
    const auto sensor = c ? t.table(name) : std::nullopt;
    if (!sensor) continue;
    SensorTruth& truth = s.sensors[name];
    if (c->role == Role::seat) {
      sensor->known_keys({"offset", "per_kg"});
      truth.offset = sensor->number("offset", -1e7, 1e7);
      truth.per_kg = sensor->number("per_kg", 1, 1e7);
    } else {
      sensor->known_keys({"empty", "full"});
      truth.empty = sensor->number("empty", -1e7, 1e7);
      truth.full = sensor->number("full", -1e7, 1e7);
    }
  }
}

// [devices]: the chips' own troubles, from the start.
void read_devices(const SectionReader& t, const ChannelLayout& layout, ScenarioDevices& d) {
  t.known_keys({"faults", "no_i2c_bus", "taken_lines"});
  t.read("no_i2c_bus", d.no_i2c_bus);
  if (const toml::node* lines = t.get("taken_lines")) {
    const toml::array* list = lines->as_array();
    if (!list) t.problem_at(*lines, "taken_lines", "expected a list of line numbers, e.g. [16]");
    for (const toml::node& line : list ? *list : kNoLines) {
      const auto number = line.value_exact<std::int64_t>();
      if (number && *number >= 0 && *number <= 63) d.taken_lines.push_back(static_cast<unsigned>(*number));
      else t.problem_at(line, "taken_lines", "expected line numbers 0..63");
    }
  }
  const auto faults = t.table("faults");
  if (!faults) return;
  for (const auto& [key, node] : faults->node()) {
    const std::string name(key.str());
    if (!channel_of(*faults, node, name, layout, std::nullopt)) continue;
    const auto kind = node.value_exact<std::string>();
    if (!kind) faults->problem_at(node, name, "expected a fault's name, e.g. \"never_ready\"");
    else d.faults.push_back({name, *kind, t.file(), static_cast<int>(node.source().begin.line)});
  }
}

Scenario read_scenario(const SectionReader& root, const ChannelLayout& layout) {
  root.known_keys({"sitter", "log", "step", "fault", "sensors", "devices"});
  Scenario s;
  read_sitter(unnamed(optional_table(root, "sitter")), s);
  read_log_table(unnamed(optional_table(root, "log")), s);
  for (const auto& t : root.tables("step", false, "expected [[step]] tables")) s.steps.push_back(read_step(unnamed(t)));
  if (s.steps.empty() && !root.has("step")) root.problems().add(root.file(), 0, "step", "the scenario has no [[step]]");
  for (const auto& t : root.tables("fault", false, "expected [[fault]] tables"))
    s.faults.push_back(read_fault(unnamed(t), layout));
  if (const auto t = root.table("sensors")) read_sensors(*t, layout, s);
  if (const auto t = root.table("devices")) read_devices(*t, layout, s.devices);
  return s;
}

}  // namespace

Scenario parse_scenario(std::string_view text, const std::string& name, const ChannelLayout& layout,
                        Problems& problems) {
  const auto root = parse_toml(text, name, problems);
  if (!root) return {};
  return read_scenario(SectionReader(*root, "", name, problems), layout);
}

Scenario load_scenario(const std::string& path, const ChannelLayout& layout, Problems& problems) {
  std::string why_not;
  const auto text = read_text_file(path, why_not);
  if (!text) {
    problems.add(path + ": cannot open the scenario: " + why_not);
    return {};
  }
  return parse_scenario(*text, path, layout, problems);
}

Scenario parse_scenario(std::string_view text, const std::string& name, const ChannelLayout& layout) {
  Problems problems;
  Scenario s = parse_scenario(text, name, layout, problems);
  problems.raise<InputError>();
  return s;
}

Scenario load_scenario(const std::string& path, const ChannelLayout& layout) {
  Problems problems;
  Scenario s = load_scenario(path, layout, problems);
  problems.raise<InputError>();
  return s;
}

}  // namespace chairhub
