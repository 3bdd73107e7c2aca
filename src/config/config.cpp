#include "config/config.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "config/calibration_file.hpp"

#include "analysis/posture.hpp"

namespace chairhub {
namespace {

// Walks a parsed file, reading known keys into the config and noting every problem.
class Reader {
 public:
  explicit Reader(std::string name) : name_(std::move(name)) {}

  void problem(const toml::node* node, const std::string& key, const std::string& what) {
    const auto line = node ? node->source().begin.line : 0;
    problems_.push_back(name_ + ":" + std::to_string(line) + ": " + key + ": " + what);
  }

  // A number within [min, max]; integers are accepted where a decimal is expected.
  void number(const toml::table& t, const std::string& section, const char* key, double& out,
              double min, double max, double factor = 1) {
    const toml::node* node = t.get(key);
    if (!node) return;
    const std::string where = section.empty() ? key : section + "." + key;
    std::optional<double> v = node->value<double>();
    if (!v || !node->is_number()) return problem(node, where, "expected a number");
    if (!(*v >= min && *v <= max))  // also refuses nan, which TOML allows
      return problem(node, where, "must be between " + fmt(min) + " and " + fmt(max) + ", not " + fmt(*v));
    out = *v * factor;
  }

  void integer(const toml::table& t, const std::string& section, const char* key, int& out, int min, int max) {
    double v = out;
    number(t, section, key, v, min, max);
    out = static_cast<int>(v);
  }

  void boolean(const toml::table& t, const std::string& section, const char* key, bool& out) {
    const toml::node* node = t.get(key);
    if (!node) return;
    if (node->is_boolean()) out = *node->value<bool>();
    else problem(node, section + "." + key, "expected true or false");
  }

  std::optional<std::string> string(const toml::table& t, const std::string& section, const char* key) {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    if (auto v = node->value<std::string>()) return v;
    problem(node, section + "." + key, "expected a string");
    return std::nullopt;
  }

  // Flags keys the section does not know: a typo should not silently fall back to a default.
  void only(const toml::table& t, const std::string& section, std::initializer_list<const char*> keys) {
    for (const auto& [k, node] : t) {
      bool known = false;
      for (const char* key : keys) known = known || k.str() == key;
      if (!known)
        problem(&node, section.empty() ? std::string(k.str()) : section + "." + std::string(k.str()),
                "unknown key");
    }
  }

  const toml::table* section(const toml::table& root, const char* name) {
    const toml::node* node = root.get(name);
    if (!node) return nullptr;
    if (!node->is_table()) {
      problem(node, name, "expected a table ([" + std::string(name) + "])");
      return nullptr;
    }
    return node->as_table();
  }

  std::vector<std::string> problems_;

 private:
  static std::string fmt(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
  }
  std::string name_;
};

void read_channels(Reader& r, const toml::table& root, ChannelLayout& layout) {
  const toml::node* node = root.get("channel");
  if (!node) return;
  const toml::array* list = node->as_array();
  if (!list || !list->is_array_of_tables()) return r.problem(node, "channel", "expected [[channel]] tables");
  layout.channels.clear();
  std::set<std::string> names;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const toml::table& t = *list->get(i)->as_table();
    const std::string where = "channel[" + std::to_string(i) + "]";
    r.only(t, where, {"name", "role", "x", "y", "offset", "scale", "empty", "full", "raw_min", "raw_max"});
    const auto name = r.string(t, where, "name");
    const auto role_text = r.string(t, where, "role");
    if (!name || name->empty()) {
      r.problem(&t, where, "needs a name");
      continue;
    }
    if (*name == "t" || *name == "label" || name->find_first_of(", #\"") != std::string::npos) {
      r.problem(t.get("name"), where + ".name", "'" + *name + "' cannot be a channel name");
      continue;
    }
    if (!names.insert(*name).second) r.problem(t.get("name"), where + ".name", "'" + *name + "' is declared twice");
    const auto role = role_text ? role_from_string(*role_text) : std::nullopt;
    if (!role) {
      r.problem(t.get("role") ? t.get("role") : &t, where + ".role", "must be \"seat\", \"back\" or \"foot\"");
      continue;
    }
    Channel c = make_channel(*name, *role, 0, 0);
    r.number(t, where, "x", c.x, -1, 1);
    r.number(t, where, "y", c.y, -1, 1);
    r.number(t, where, "offset", c.offset, -1e9, 1e9);
    r.number(t, where, "scale", c.scale, -1e3, 1e3);
    r.number(t, where, "empty", c.empty, -1e9, 1e9);
    r.number(t, where, "full", c.full, -1e9, 1e9);
    r.number(t, where, "raw_min", c.raw_min, -1e12, 1e12);
    r.number(t, where, "raw_max", c.raw_max, -1e12, 1e12);
    if (c.role != Role::seat && c.empty == c.full) r.problem(&t, where, "empty and full must differ");
    if (c.role == Role::seat && c.scale == 0) r.problem(t.get("scale"), where + ".scale", "must not be 0");
    layout.channels.push_back(c);
  }
  if (layout.count(Role::seat) == 0) r.problem(node, "channel", "at least one channel must have role \"seat\"");
}

void read_analysis(Reader& r, const toml::table& root, AnalysisConfig& a) {
  constexpr double kDay = 86400;
  if (auto t = r.section(root, "signal")) {
    r.only(*t, "signal", {"smoothing_s"});
    r.number(*t, "signal", "smoothing_s", a.smoothing_s, 0, 60);
  }
  if (auto t = r.section(root, "health")) {
    r.only(*t, "health", {"fault_s", "fault_samples", "stuck_s", "stuck_samples", "recover_s"});
    r.number(*t, "health", "fault_s", a.health.fault_s, 0, 3600);
    r.integer(*t, "health", "fault_samples", a.health.fault_samples, 1, 100000);
    r.number(*t, "health", "stuck_s", a.health.stuck_s, 0, 3600);
    r.integer(*t, "health", "stuck_samples", a.health.stuck_samples, 2, 100000);
    r.number(*t, "health", "recover_s", a.health.recover_s, 0, 3600);
  }
  if (auto t = r.section(root, "occupancy")) {
    r.only(*t, "occupancy", {"on_kg", "off_kg", "debounce_s"});
    r.number(*t, "occupancy", "on_kg", a.occupancy.on_kg, 0.1, 500);
    r.number(*t, "occupancy", "off_kg", a.occupancy.off_kg, 0, 500);
    r.number(*t, "occupancy", "debounce_s", a.occupancy.debounce_s, 0, 600);
    if (a.occupancy.off_kg >= a.occupancy.on_kg)
      r.problem(t, "occupancy", "off_kg must be below on_kg");
  }
  if (auto t = r.section(root, "posture")) {
    auto& p = a.posture;
    r.only(*t, "posture",
           {"dwell_s", "lateral", "forward", "slouch_back", "recline", "lumbar_contact", "lumbar_firm", "hysteresis"});
    r.number(*t, "posture", "dwell_s", p.dwell_s, 0, 600);
    r.number(*t, "posture", "lateral", p.lateral, 0.01, 2);
    r.number(*t, "posture", "forward", p.forward, 0.01, 2);
    r.number(*t, "posture", "slouch_back", p.slouch_back, 0, 2);
    r.number(*t, "posture", "recline", p.recline, 0.01, 2);
    r.number(*t, "posture", "lumbar_contact", p.lumbar_contact, 0, 1);
    r.number(*t, "posture", "lumbar_firm", p.lumbar_firm, 0, 1);
    r.number(*t, "posture", "hysteresis", p.hysteresis, 0, 0.5);
  }
  if (auto t = r.section(root, "feet")) {
    r.only(*t, "feet", {"pad_contact", "dwell_s", "seat_rise"});
    r.number(*t, "feet", "pad_contact", a.feet.pad_contact, 0, 1);
    r.number(*t, "feet", "dwell_s", a.feet.dwell_s, 0, 600);
    r.number(*t, "feet", "seat_rise", a.feet.seat_rise, 0, 1);
  }
  if (auto t = r.section(root, "baseline")) {
    r.only(*t, "baseline", {"cop_x", "cop_y", "auto_learn_s"});
    r.number(*t, "baseline", "cop_x", a.baseline.default_cop_x, -1, 1);
    r.number(*t, "baseline", "cop_y", a.baseline.default_cop_y, -1, 1);
    r.number(*t, "baseline", "auto_learn_s", a.baseline.auto_learn_s, 0, 3600);
  }
  if (auto t = r.section(root, "breaks")) {
    auto& b = a.breaks;
    r.only(*t, "breaks", {"interval_min", "repeat_min", "min_break_min", "long_sit_min", "movement"});
    r.number(*t, "breaks", "interval_min", b.interval_s, 1, 480, 60);
    r.number(*t, "breaks", "repeat_min", b.repeat_s, 1, 480, 60);
    r.number(*t, "breaks", "min_break_min", b.min_break_s, 0.1, 120, 60);
    r.number(*t, "breaks", "long_sit_min", b.long_sit_s, 1, 1440, 60);
    if (const toml::node* node = t->get("movement")) {
      const toml::array* list = node->as_array();
      if (!list || !list->is_array_of_tables()) {
        r.problem(node, "breaks.movement", "expected [[breaks.movement]] tables");
      } else {
        b.movements.clear();
        for (std::size_t i = 0; i < list->size(); ++i) {
          const toml::table& m = *list->get(i)->as_table();
          const std::string where = "breaks.movement[" + std::to_string(i) + "]";
          r.only(m, where, {"when", "name", "how"});
          Movement mv{r.string(m, where, "when").value_or(""), r.string(m, where, "name").value_or(""),
                      r.string(m, where, "how").value_or("")};
          static const std::set<std::string> whens = {"slouching", "leaning", "forward", "reclined", "long_sit", "any"};
          if (!whens.contains(mv.when))
            r.problem(&m, where + ".when",
                      "must be one of slouching, leaning, forward, reclined, long_sit, any");
          if (mv.name.empty()) r.problem(&m, where + ".name", "needs a name");
          b.movements.push_back(std::move(mv));
        }
      }
    }
  }
  if (auto t = r.section(root, "nudges")) {
    auto& n = a.nudges;
    r.only(*t, "nudges", {"enabled", "lumbar_after_s", "feet_after_s", "posture_after_s", "cooldown_min", "min_gap_s"});
    r.boolean(*t, "nudges", "enabled", n.enabled);
    r.number(*t, "nudges", "lumbar_after_s", n.lumbar_after_s, 0, kDay);
    r.number(*t, "nudges", "feet_after_s", n.feet_after_s, 0, kDay);
    r.number(*t, "nudges", "posture_after_s", n.posture_after_s, 0, kDay);
    r.number(*t, "nudges", "cooldown_min", n.cooldown_s, 0, 1440, 60);
    r.number(*t, "nudges", "min_gap_s", n.min_gap_s, 0, kDay);
  }
}

void read_eval(Reader& r, const toml::table& root, std::map<std::string, std::string>& labels) {
  auto t = r.section(root, "eval");
  if (!t) return;
  r.only(*t, "eval", {"labels"});
  const toml::node* node = t->get("labels");
  if (!node) return;
  if (!node->is_table()) return r.problem(node, "eval.labels", "expected a table of label = meaning");
  for (const auto& [k, v] : *node->as_table()) {
    const std::string where = "eval.labels." + std::string(k.str());
    auto meaning = v.value<std::string>();
    if (!meaning || (!posture_from_string(*meaning) && *meaning != "empty" && *meaning != "ignore" &&
                     *meaning != "not_upright")) {
      r.problem(&v, where, "must be a posture name, \"not_upright\", \"empty\" or \"ignore\"");
      continue;
    }
    labels[std::string(k.str())] = *meaning;
  }
}

// The per-channel tables of a calibration file (see calibration_file.hpp).
void read_calibration_tables(Reader& r, const toml::table& root, const ChannelLayout& layout, Calibration& out) {
  for (const auto& [key, node] : root) {
    const std::string name(key.str());
    const toml::table* t = node.as_table();
    if (!t) {
      r.problem(&node, name, "expected a table [" + name + "] of offset, scale, empty and full");
      continue;
    }
    const auto index = layout.find(name);
    if (!index) {
      std::string names;
      for (const auto& ch : layout.channels) names += (names.empty() ? "" : ", ") + ch.name;
      r.problem(&node, name, "not a channel of the config (" + names + ")");
      continue;
    }
    const Channel& ch = layout.channels[*index];
    const bool seat = ch.role == Role::seat;
    // A key of the other role would be read and then silently ignored by the analysis.
    r.only(*t, name, {"offset", "scale", "empty", "full"});
    for (const char* field : {"offset", "scale", "empty", "full"}) {
      const bool seat_key = std::string_view(field) == "offset" || std::string_view(field) == "scale";
      if (t->get(field) && seat_key != seat) {
        r.problem(t->get(field), name + "." + field,
                  seat ? "a seat cell has offset and scale, not empty and full"
                       : "a " + std::string(to_string(ch.role)) + " pad has empty and full, not offset and scale");
      }
    }
    ChannelCalibration& c = out[name];
    const auto read = [&](const char* key, std::optional<double>& field, double min, double max) {
      if (!t->get(key)) return;
      double v = 0;
      const std::size_t before = r.problems_.size();
      r.number(*t, name, key, v, min, max);
      if (r.problems_.size() == before) field = v;
    };
    read("offset", c.offset, -1e9, 1e9);
    read("scale", c.scale, -1e3, 1e3);
    read("empty", c.empty, -1e9, 1e9);
    read("full", c.full, -1e9, 1e9);
    if (c.scale && *c.scale == 0) r.problem(t->get("scale"), name + ".scale", "must not be 0");
    if (!seat && c.empty.value_or(ch.empty) == c.full.value_or(ch.full))
      r.problem(t, name, "empty and full must differ");
  }
}

// [calibration] file = "PATH": the values `chairhub calibrate` measured, over the [[channel]] ones.
void read_calibration(Reader& r, const toml::table& root, Config& config, bool apply) {
  const toml::table* t = r.section(root, "calibration");
  if (!t) return;
  r.only(*t, "calibration", {"file"});
  const auto file = r.string(*t, "calibration", "file");
  if (!file) return;
  const toml::node* node = t->get("file");
  if (file->empty()) return r.problem(node, "calibration.file", "is empty; give the calibration file's path");
  // Relative to the config, so a config and its calibration can move together.
  const std::filesystem::path path(*file);
  config.calibration_file =
      path.is_absolute() ? *file : (std::filesystem::path(config.path).parent_path() / path).string();
  if (!apply) return;
  std::ifstream in(config.calibration_file, std::ios::binary);
  if (!in) {
    return r.problem(node, "calibration.file",
                     "cannot open \"" + config.calibration_file + "\": " + std::strerror(errno) +
                         " (`chairhub calibrate` makes it)");
  }
  std::ostringstream text;
  text << in.rdbuf();
  const Calibration c = parse_calibration(text.str(), config.calibration_file, config.layout, r.problems_);
  apply_calibration(c, config.layout);
}

}  // namespace

Calibration parse_calibration(std::string_view text, const std::string& name, const ChannelLayout& layout,
                              std::vector<std::string>& problems) {
  Calibration out;
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    problems.push_back(name + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    return out;
  }
  Reader r(name);
  read_calibration_tables(r, root, layout, out);
  problems.insert(problems.end(), r.problems_.begin(), r.problems_.end());
  return out;
}

ConfigError::ConfigError(std::vector<std::string> problems)
    : std::runtime_error([&] {
        std::string all;
        for (const auto& p : problems) all += (all.empty() ? "" : "\n") + p;
        return all;
      }()),
      problems_(std::move(problems)) {}

Config parse_config(std::string_view text, const std::string& name, bool apply_calibration) {
  Config config;
  config.path = name;
  try {
    config.table = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    throw ConfigError({name + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description())});
  }
  Reader r(name);
  r.only(config.table, "", {"channel", "signal", "health", "occupancy", "posture", "feet", "baseline", "breaks",
                            "nudges", "eval", "hardware", "mqtt", "service", "calibration"});
  read_channels(r, config.table, config.layout);
  read_calibration(r, config.table, config, apply_calibration);
  read_analysis(r, config.table, config.analysis);
  read_eval(r, config.table, config.eval_labels);
  if (!r.problems_.empty()) throw ConfigError(r.problems_);
  return config;
}

Config load_config(const std::string& path, bool apply_calibration) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError({path + ": cannot open the config file"});
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path, apply_calibration);
}

}  // namespace chairhub
