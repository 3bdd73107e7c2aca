// The analysis tunables ([signal] to [nudges]) and the [eval] labels. They configure
// src/analysis and src/eval, which stay free of TOML.
#include <set>

#include "analysis/posture.hpp"
#include "config/sections.hpp"

namespace chairhub {
namespace {

constexpr double kDay = 86400;

// A count read as a number, as it always has been (3.0 is 3).
void read_count(const SectionReader& t, std::string_view key, int& out, int min, int max) {
  if (auto v = t.number(key, min, max)) out = static_cast<int>(*v);
}

// A duration given in minutes, kept in seconds.
void read_minutes(const SectionReader& t, std::string_view key, double& out_s, double min, double max) {
  if (auto v = t.number(key, min, max)) out_s = *v * 60;
}

void read_health(const SectionReader& t, HealthConfig& h) {
  t.known_keys({"fault_s", "fault_samples", "stuck_s", "stuck_samples", "recover_s"});
  t.read("fault_s", h.fault_s, 0, 3600);
  read_count(t, "fault_samples", h.fault_samples, 1, 100000);
  t.read("stuck_s", h.stuck_s, 0, 3600);
  read_count(t, "stuck_samples", h.stuck_samples, 2, 100000);
  t.read("recover_s", h.recover_s, 0, 3600);
}

void read_occupancy(const SectionReader& t, OccupancyConfig& o) {
  t.known_keys({"on_kg", "off_kg", "debounce_s"});
  t.read("on_kg", o.on_kg, 0.1, 500);
  t.read("off_kg", o.off_kg, 0, 500);
  t.read("debounce_s", o.debounce_s, 0, 600);
  if (o.off_kg >= o.on_kg) t.problem_here("off_kg must be below on_kg");
}

void read_posture(const SectionReader& t, PostureConfig& p) { read_tunables(t, kPostureTunables, p); }

void read_feet(const SectionReader& t, FeetConfig& f) {
  t.known_keys({"pad_contact", "dwell_s", "seat_rise"});
  t.read("pad_contact", f.pad_contact, 0, 1);
  t.read("dwell_s", f.dwell_s, 0, 600);
  t.read("seat_rise", f.seat_rise, 0, 1);
}

void read_baseline(const SectionReader& t, BaselineConfig& b) {
  t.known_keys({"cop_x", "cop_y", "auto_learn_s"});
  t.read("cop_x", b.default_cop_x, -1, 1);
  t.read("cop_y", b.default_cop_y, -1, 1);
  t.read("auto_learn_s", b.auto_learn_s, 0, 3600);
}

void read_movements(const SectionReader& t, std::vector<Movement>& movements) {
  if (!t.has("movement")) return;
  const auto tables = t.tables("movement", false, "expected [[breaks.movement]] tables");
  if (tables.empty()) return;
  movements.clear();
  static const std::set<std::string> whens = {"slouching", "leaning", "forward", "reclined", "long_sit", "any"};
  for (const auto& m : tables) {
    m.known_keys({"when", "name", "how"});
    Movement mv{m.string("when").value_or(""), m.string("name").value_or(""), m.string("how").value_or("")};
    if (!whens.contains(mv.when))
      m.problem_at(m.node(), "when", "must be one of slouching, leaning, forward, reclined, long_sit, any");
    if (mv.name.empty()) m.problem_at(m.node(), "name", "needs a name");
    movements.push_back(std::move(mv));
  }
}

void read_breaks(const SectionReader& t, BreakConfig& b) {
  t.known_keys({"interval_min", "repeat_min", "min_break_min", "long_sit_min", "movement"});
  read_minutes(t, "interval_min", b.interval_s, 1, 480);
  read_minutes(t, "repeat_min", b.repeat_s, 1, 480);
  read_minutes(t, "min_break_min", b.min_break_s, 0.1, 120);
  read_minutes(t, "long_sit_min", b.long_sit_s, 1, 1440);
  read_movements(t, b.movements);
}

void read_nudges(const SectionReader& t, NudgeConfig& n) {
  t.known_keys({"enabled", "lumbar_after_s", "feet_after_s", "posture_after_s", "cooldown_min", "min_gap_s"});
  t.read("enabled", n.enabled);
  t.read("lumbar_after_s", n.lumbar_after_s, 0, kDay);
  t.read("feet_after_s", n.feet_after_s, 0, kDay);
  t.read("posture_after_s", n.posture_after_s, 0, kDay);
  read_minutes(t, "cooldown_min", n.cooldown_s, 0, 1440);
  t.read("min_gap_s", n.min_gap_s, 0, kDay);
}

void read_profiles(const SectionReader& t, ProfileConfig& p) {
  t.known_keys({"by_weight", "weight_tolerance_kg", "settle_s"});
  t.read("by_weight", p.by_weight);
  t.read("weight_tolerance_kg", p.weight_tolerance_kg, 0.1, 50);
  t.read("settle_s", p.settle_s, 0, 600);
}

}  // namespace

void read_analysis(const SectionReader& root, AnalysisConfig& a) {
  if (auto t = root.table("signal")) {
    t->known_keys({"smoothing_s"});
    t->read("smoothing_s", a.smoothing_s, 0, 60);
  }
  if (auto t = root.table("health")) read_health(*t, a.health);
  if (auto t = root.table("occupancy")) read_occupancy(*t, a.occupancy);
  if (auto t = root.table("posture")) read_posture(*t, a.posture);
  if (auto t = root.table("feet")) read_feet(*t, a.feet);
  if (auto t = root.table("baseline")) read_baseline(*t, a.baseline);
  if (auto t = root.table("breaks")) read_breaks(*t, a.breaks);
  if (auto t = root.table("nudges")) read_nudges(*t, a.nudges);
  if (auto t = root.table("profiles")) read_profiles(*t, a.profiles);
}

void read_eval_labels(const SectionReader& root, std::map<std::string, std::string>& labels) {
  const auto t = root.table("eval");
  if (!t) return;
  t->known_keys({"labels"});
  const toml::node* node = t->get("labels");
  if (!node) return;
  if (!node->is_table()) return t->problem("labels", "expected a table of label = meaning");
  for (const auto& [k, v] : *node->as_table()) {
    auto meaning = v.value<std::string>();
    if (!meaning || (!posture_from_string(*meaning) && *meaning != "empty" && *meaning != "ignore" &&
                     *meaning != "not_upright")) {
      t->problem_at(v, "labels." + std::string(k.str()), "must be a posture name, \"not_upright\", \"empty\" or \"ignore\"");
      continue;
    }
    labels[std::string(k.str())] = *meaning;
  }
}

}  // namespace chairhub
