// Reading the calibration file, and the config's [calibration] section that names it.
#include <filesystem>

#include "calibration/file.hpp"
#include "core/input_error.hpp"

namespace chairhub {
namespace {

std::string channel_names(const ChannelLayout& layout) {
  std::string names;
  for (const auto& ch : layout.channels) names += (names.empty() ? "" : ", ") + ch.name;
  return names;
}

// One channel's table; a key of the other role would be read and then silently ignored by the
// analysis, so it is a problem.
void read_channel_calibration(const SectionReader& t, const Channel& ch, ChannelCalibration& c) {
  const bool seat = ch.role == Role::seat;
  t.known_keys({"offset", "scale", "empty", "full"});
  for (const char* field : {"offset", "scale", "empty", "full"}) {
    const bool seat_key = std::string_view(field) == "offset" || std::string_view(field) == "scale";
    if (t.has(field) && seat_key != seat) {
      t.problem(field, seat ? "a seat cell has offset and scale, not empty and full"
                            : "a " + std::string(to_string(ch.role)) + " pad has empty and full, not offset and scale");
    }
  }
  c.offset = t.number("offset", -1e9, 1e9);
  c.scale = t.number("scale", -1e3, 1e3);
  c.empty = t.number("empty", -1e9, 1e9);
  c.full = t.number("full", -1e9, 1e9);
  if (c.scale && *c.scale == 0) t.problem("scale", "must not be 0");
  if (!seat && c.empty.value_or(ch.empty) == c.full.value_or(ch.full)) t.problem_here("empty and full must differ");
}

void read_calibration_tables(const SectionReader& root, const ChannelLayout& layout, Calibration& out) {
  for (const auto& [key, node] : root.node()) {
    const std::string name(key.str());
    if (!node.is_table()) {
      root.problem_at(node, name, "expected a table [" + name + "] of offset, scale, empty and full");
      continue;
    }
    const auto index = layout.find(name);
    if (!index) {
      root.problem_at(node, name, "not a channel of the config (" + channel_names(layout) + ")");
      continue;
    }
    read_channel_calibration(*root.table(name), layout.channels[*index], out[name]);
  }
}

}  // namespace

Calibration parse_calibration(std::string_view text, const std::string& name, const ChannelLayout& layout,
                              std::vector<std::string>& problems) {
  Calibration out;
  Problems found;
  if (const auto root = parse_toml(text, name, found))
    read_calibration_tables(SectionReader(*root, "", name, found), layout, out);
  problems.insert(problems.end(), found.list().begin(), found.list().end());
  return out;
}

Calibration load_calibration(const std::string& path, const ChannelLayout& layout) {
  std::string why_not;
  const auto text = read_text_file(path, why_not);
  if (!text) throw ConfigError({path + ": cannot open the calibration file: " + why_not});
  std::vector<std::string> found;
  Calibration c = parse_calibration(*text, path, layout, found);
  if (!found.empty()) throw ConfigError(found);
  return c;
}

void read_calibration_section(const SectionReader& root, bool apply,
                              ChannelLayout& layout, std::string& file) {
  const auto t = root.table("calibration");
  if (!t) return;
  t->known_keys({"file"});
  const auto path = t->path("file");
  if (!path) return;
  file = *path;
  if (!apply) return;
  std::string why_not;
  const auto text = read_text_file(file, why_not);
  if (!text) return t->problem("file", "cannot open \"" + file + "\": " + why_not + " (`chairhub calibrate` makes it)");
  std::vector<std::string> found;
  const Calibration c = parse_calibration(*text, file, layout, found);
  root.problems().add(found);
  apply_calibration(c, layout);
}

}  // namespace chairhub
