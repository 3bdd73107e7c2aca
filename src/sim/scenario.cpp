#include "sim/scenario.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "core/input_error.hpp"

namespace chairhub {
namespace {

struct Place {
  const std::string& file;
  [[noreturn]] void fail(const toml::node* node, const std::string& key, const std::string& what) const {
    throw InputError(file, node ? node->source().begin.line : 0, key + ": " + what);
  }
  double number(const toml::table& t, const std::string& key, double fallback, double min, double max) const {
    const toml::node* node = t.get(key);
    if (!node) return fallback;
    auto v = node->value<double>();
    if (!v || !node->is_number()) fail(node, key, "expected a number");
    if (!(*v >= min && *v <= max))  // also refuses nan, which TOML allows
      fail(node, key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return *v;
  }
  std::string text(const toml::table& t, const std::string& key, const std::string& fallback) const {
    const toml::node* node = t.get(key);
    if (!node) return fallback;
    auto v = node->value<std::string>();
    if (!v) fail(node, key, "expected a string");
    return *v;
  }
  // A typo must not silently fall back to a default.
  void only(const toml::table& t, std::initializer_list<std::string_view> keys) const {
    for (const auto& [k, node] : t)
      if (std::find(keys.begin(), keys.end(), k.str()) == keys.end()) fail(&node, std::string(k.str()), "unknown key");
  }
  const toml::array* tables(const toml::table& t, const std::string& key) const {
    const toml::node* node = t.get(key);
    if (!node) return nullptr;
    if (!node->is_array_of_tables()) fail(node, key, "expected [[" + key + "]] tables");
    return node->as_array();
  }
};

}  // namespace

Scenario parse_scenario(std::string_view text, const std::string& name, const ChannelLayout& layout) {
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    throw InputError(name, e.source().begin.line, std::string(e.description()));
  }
  const Place p{name};
  p.only(root, {"sitter", "log", "step", "fault"});
  Scenario s;
  const toml::table empty;
  const toml::table* sitter_table = root["sitter"].as_table();
  const toml::table& sitter = sitter_table ? *sitter_table : empty;
  p.only(sitter, {"mass_kg", "offset_x", "offset_y", "seed"});
  s.mass_kg = p.number(sitter, "mass_kg", s.mass_kg, 20, 300);
  s.offset_x = p.number(sitter, "offset_x", 0, -0.5, 0.5);
  s.offset_y = p.number(sitter, "offset_y", 0, -0.5, 0.5);
  s.seed = static_cast<std::uint64_t>(p.number(sitter, "seed", 1, 0, 1e15));
  const toml::table* log_table = root["log"].as_table();
  const toml::table& log = log_table ? *log_table : empty;
  p.only(log, {"rate_hz", "units", "noise_kg", "noise_contact", "spikes_per_hour", "drift_kg_per_h", "move_s"});
  s.rate_hz = p.number(log, "rate_hz", s.rate_hz, 0.1, 1000);
  const std::string units = p.text(log, "units", "calibrated");
  if (units != "raw" && units != "calibrated") p.fail(log.get("units"), "units", "must be \"raw\" or \"calibrated\"");
  s.units = units == "raw" ? Units::raw : Units::calibrated;
  s.noise_kg = p.number(log, "noise_kg", s.noise_kg, 0, 50);
  s.noise_contact = p.number(log, "noise_contact", s.noise_contact, 0, 1);
  s.spikes_per_hour = p.number(log, "spikes_per_hour", 0, 0, 1e6);
  s.drift_kg_per_h = p.number(log, "drift_kg_per_h", 0, -100, 100);
  s.move_s = p.number(log, "move_s", s.move_s, 0, 60);

  if (const toml::array* steps = p.tables(root, "step")) {
    for (const auto& node : *steps) {
      const toml::table& t = *node.as_table();
      p.only(t, {"posture", "feet", "seconds", "minutes"});
      ScenarioStep step;
      const std::string posture = p.text(t, "posture", "upright");
      if (posture != "away") {
        step.posture = posture_from_string(posture);
        if (!step.posture) p.fail(t.get("posture"), "posture", "'" + posture + "' is not a posture (or \"away\")");
      }
      const std::string feet = p.text(t, "feet", "flat");
      if (feet == "flat") step.feet = Feet::flat;
      else if (feet == "tucked") step.feet = Feet::tucked;
      else if (feet == "dangling") step.feet = Feet::dangling;
      else p.fail(t.get("feet"), "feet", "must be \"flat\", \"tucked\" or \"dangling\"");
      step.duration_s = p.number(t, "seconds", 0, 0, 1e7) + 60 * p.number(t, "minutes", 0, 0, 1e6);
      if (step.duration_s <= 0) p.fail(&t, "step", "needs seconds or minutes");
      s.steps.push_back(step);
    }
  }
  if (s.steps.empty()) p.fail(nullptr, "step", "the scenario has no [[step]]");
  if (const toml::array* faults = p.tables(root, "fault")) {
    for (const auto& node : *faults) {
      const toml::table& t = *node.as_table();
      p.only(t, {"channel", "kind", "at_s", "for_s"});
      ScenarioFault f{p.text(t, "channel", ""), p.text(t, "kind", ""), p.number(t, "at_s", 0, 0, 1e9),
                      p.number(t, "for_s", 0, 0, 1e9)};
      if (!layout.find(f.channel)) p.fail(t.get("channel"), "channel", "'" + f.channel + "' is not a channel of the config");
      if (f.kind != "missing" && f.kind != "stuck" && f.kind != "saturated")
        p.fail(t.get("kind"), "kind", "must be \"missing\", \"stuck\" or \"saturated\"");
      s.faults.push_back(f);
    }
  }
  return s;
}

Scenario load_scenario(const std::string& path, const ChannelLayout& layout) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "cannot open the scenario");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_scenario(text.str(), path, layout);
}

}  // namespace chairhub
