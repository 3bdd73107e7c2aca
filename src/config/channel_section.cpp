// [[channel]] tables: the chair's channels, in log column order.
#include <set>

#include "config/sections.hpp"

namespace chairhub {
namespace {

// One [[channel]] table; nothing when it cannot make a channel.
std::optional<Channel> read_channel(const SectionReader& t, std::set<std::string>& names) {
  t.known_keys({"name", "role", "x", "y", "offset", "scale", "empty", "full", "raw_min", "raw_max"});
  const auto name = t.string("name");
  const auto role_text = t.string("role");
  if (!name || name->empty()) {
    t.problem_here("needs a name");
    return std::nullopt;
  }
  if (*name == "t" || *name == "label" || name->find_first_of(", #\"") != std::string::npos) {
    t.problem("name", "'" + *name + "' cannot be a channel name");
    return std::nullopt;
  }
  if (!names.insert(*name).second) t.problem("name", "'" + *name + "' is declared twice");
  const auto role = role_text ? role_from_string(*role_text) : std::nullopt;
  if (!role) {
    t.problem("role", "must be \"seat\", \"back\" or \"foot\"");
    return std::nullopt;
  }
  Channel c = make_channel(*name, *role, 0, 0);
  t.read("x", c.x, -1, 1);
  t.read("y", c.y, -1, 1);
  t.read("offset", c.offset, -1e9, 1e9);
  t.read("scale", c.scale, -1e3, 1e3);
  t.read("empty", c.empty, -1e9, 1e9);
  t.read("full", c.full, -1e9, 1e9);
  t.read("raw_min", c.raw_min, -1e12, 1e12);
  t.read("raw_max", c.raw_max, -1e12, 1e12);
  if (c.role != Role::seat && c.empty == c.full) t.problem_here("empty and full must differ");
  if (c.role == Role::seat && c.scale == 0) t.problem("scale", "must not be 0");
  return c;
}

}  // namespace

void read_channels(const SectionReader& root, ChannelLayout& layout) {
  if (!root.has("channel")) return;
  const auto tables = root.tables("channel", false, "expected [[channel]] tables");
  if (tables.empty()) return;  // not tables: said
  layout.channels.clear();
  std::set<std::string> names;
  for (const auto& t : tables)
    if (auto c = read_channel(t, names)) layout.channels.push_back(*c);
  if (layout.count(Role::seat) == 0) root.problem("channel", "at least one channel must have role \"seat\"");
}

}  // namespace chairhub
