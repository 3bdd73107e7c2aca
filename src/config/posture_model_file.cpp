#include "config/posture_model_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "core/atomic_file.hpp"
#include "core/input_error.hpp"
#include "core/section_reader.hpp"
#include "core/text.hpp"

namespace chairhub {
namespace {

constexpr std::size_t kMaxClasses = 64;
constexpr std::size_t kMaxLabel = 64;
constexpr double kMaxValue = 1e6;  // far beyond any shift, share or variance a chair measures

// An array of numbers within ±kMaxValue, `size` long when given; problems at `key` otherwise.
std::optional<std::vector<double>> numbers(const SectionReader& r, const toml::node& node, std::string_view key,
                                           std::optional<std::size_t> size) {
  const auto* array = node.as_array();
  if (!array) {
    r.problem_at(node, key, "expected an array of numbers");
    return std::nullopt;
  }
  std::vector<double> out;
  for (const auto& item : *array) {
    const auto v = item.value<double>();
    if (!v || std::isnan(*v) || std::abs(*v) > kMaxValue) {
      r.problem_at(item, key, "expected numbers between -1e6 and 1e6");
      return std::nullopt;
    }
    out.push_back(*v);
  }
  if (size && out.size() != *size) {
    r.problem_at(node, key, "expected " + std::to_string(*size) + " numbers (one a feature), got " +
                                std::to_string(out.size()));
    return std::nullopt;
  }
  return out;
}

void read_features(const SectionReader& r, PostureModel& m) {
  const auto* node = r.get("features");
  if (!node) return r.problem_here("features: missing (the evidence the model uses, e.g. [\"cop_x\", \"cop_y\"])");
  const auto* array = node->as_array();
  if (!array || array->empty() || array->size() > kAllPostureFeatures.size())
    return r.problem_at(*node, "features", "expected an array of 1 to 5 feature names");
  for (const auto& item : *array) {
    const auto name = item.value<std::string>();
    const auto f = name ? posture_feature_from_string(*name) : std::nullopt;
    if (!f) return r.problem_at(item, "features", "expected cop_x, cop_y, lumbar, seat_drop or feet_press");
    if (std::find(m.features.begin(), m.features.end(), *f) != m.features.end())
      return r.problem_at(item, "features", "'" + std::string(to_string(*f)) + "' is named twice");
    m.features.push_back(*f);
  }
}

void read_covariance(const SectionReader& r, PostureModel& m) {
  const auto* node = r.get("covariance");
  if (!node) return r.problem_here("covariance: missing");
  const auto* rows = node->as_array();
  if (!rows || rows->size() != m.features.size())
    return r.problem_at(*node, "covariance", "expected " + std::to_string(m.features.size()) + " rows, one a feature");
  for (const auto& row : *rows) {
    const auto values = numbers(r, row, "covariance", m.features.size());
    if (!values) return;
    m.covariance.push_back(*values);
  }
}

void read_baseline(const SectionReader& r, Baseline& b) {
  const auto t = r.table("baseline");
  if (!t) return r.problem_here("[baseline]: missing (the sitter's upright the model was learnt against)");
  t->known_keys({"cop_x", "cop_y", "lumbar", "seat_kg", "feet"});
  if (const auto v = t->number("cop_x", -1, 1)) b.cop_x = *v;
  else if (!t->has("cop_x")) t->problem_here("cop_x: missing");
  if (const auto v = t->number("cop_y", -1, 1)) b.cop_y = *v;
  else if (!t->has("cop_y")) t->problem_here("cop_y: missing");
  b.lumbar = t->number("lumbar", -1, 2);
  b.seat_kg = t->number("seat_kg", 0, 1000);
  b.feet = t->number("feet", -1, 2);
}

void read_classes(const SectionReader& r, PostureModel& m) {
  const auto tables = r.tables("posture", false, "[[posture]] tables, one a posture the sitter held");
  if (tables.empty() && !r.has("posture")) return r.problem_here("[[posture]]: none (the model needs its postures)");
  if (tables.size() > kMaxClasses) return r.problem("posture", "more than 64 postures");
  for (const auto& t : tables) {
    t.known_keys({"label", "posture", "samples", "mean"});
    PostureClass c;
    const auto label = t.string("label");
    if (!label || label->empty() || label->size() > kMaxLabel) {
      t.problem("label", "expected the label it was learnt from (1 to 64 characters)");
      continue;
    }
    c.label = *label;
    const auto name = t.string("posture");
    const auto posture = name ? posture_from_string(*name) : std::nullopt;
    if (!posture) {
      t.problem("posture", "expected a posture name (upright, slouching, ..., other)" +
                               (name ? ", not '" + excerpt(*name) + "'" : std::string()));
      continue;
    }
    c.posture = *posture;
    if (const auto n = t.integer("samples", 0, 100'000'000)) c.rows = static_cast<std::size_t>(*n);
    const auto* mean = t.get("mean");
    if (!mean) {
      t.problem_here("mean: missing");
      continue;
    }
    const auto values = numbers(t, *mean, "mean", m.features.size());
    if (!values) continue;
    c.mean = *values;
    m.classes.push_back(std::move(c));
  }
}

}  // namespace

PostureModel parse_posture_model(std::string_view text, const std::string& name, std::vector<std::string>& problems) {
  PostureModel m;
  Problems found;
  const auto root = parse_toml(text, name, found);
  if (root) {
    const SectionReader r(*root, "", name, found);
    r.known_keys({"version", "features", "reject", "hysteresis", "covariance", "baseline", "posture"});
    if (const auto v = r.integer("version", 0, 1'000'000); v && *v != PostureModel::kVersion)
      r.problem("version", "this chairhub reads version 1 files; make the model again with this version");
    r.read("reject", m.reject, 0, 1000);
    r.read("hysteresis", m.hysteresis, 0, 100);
    read_features(r, m);
    if (!m.features.empty()) {
      read_covariance(r, m);
      read_classes(r, m);
    }
    read_baseline(r, m.baseline);
    if (found.empty() && !std::any_of(m.classes.begin(), m.classes.end(),
                                      [](const PostureClass& c) { return c.posture == Posture::upright; }))
      r.problem_here("no posture is upright: the model needs the sitter's upright");
    std::string why;
    if (found.empty() && !m.prepare(why)) r.problem_here(why);
  }
  problems.insert(problems.end(), found.list().begin(), found.list().end());
  return m;
}

PostureModel load_posture_model(const std::string& path) {
  std::string why_not;
  const auto text = read_text_file(path, why_not);
  if (!text) throw InputError(path, 0, "cannot read the posture model: " + why_not);
  std::vector<std::string> problems;
  PostureModel m = parse_posture_model(*text, path, problems);
  if (!problems.empty()) throw InputError(problems);
  return m;
}

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

std::string array(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + number(values[i]);
  return out + "]";
}

// A TOML basic string: labels come from logs, so quotes, backslashes and controls are escaped.
std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string format_posture_model(const PostureModel& model, const std::vector<std::string>& comment) {
  std::string out;
  for (const auto& line : comment) out += "# " + line + "\n";
  out += "version = " + std::to_string(PostureModel::kVersion) + "\n";
  out += "features = [";
  for (std::size_t i = 0; i < model.features.size(); ++i) out += (i ? ", " : "") + toml_string(to_string(model.features[i]));
  out += "]\n";
  out += "reject = " + number(model.reject) + "\n";
  out += "hysteresis = " + number(model.hysteresis) + "\n";
  out += "covariance = [\n";
  for (const auto& row : model.covariance) out += "  " + array(row) + ",\n";
  out += "]\n\n[baseline]\n";
  const Baseline& b = model.baseline;
  out += "cop_x = " + number(b.cop_x) + "\ncop_y = " + number(b.cop_y) + "\n";
  if (b.lumbar) out += "lumbar = " + number(*b.lumbar) + "\n";
  if (b.seat_kg) out += "seat_kg = " + number(*b.seat_kg) + "\n";
  if (b.feet) out += "feet = " + number(*b.feet) + "\n";
  for (const auto& c : model.classes) {
    out += "\n[[posture]]\nlabel = " + toml_string(c.label) + "\nposture = " + toml_string(to_string(c.posture)) +
           "\nsamples = " + std::to_string(c.rows) + "\nmean = " + array(c.mean) + "\n";
  }
  return out;
}

void write_posture_model(const std::string& path, const PostureModel& model, const std::vector<std::string>& comment) {
  try {
    write_file_atomically(path, format_posture_model(model, comment), 0644);
  } catch (const std::system_error& e) {
    throw InputError(path, 0, e.what());
  }
}

}  // namespace chairhub
