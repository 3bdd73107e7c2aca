#include "hw/config/config_values.hpp"

namespace chairhub::hw {

std::size_t line_of(const toml::node& node) { return node.source().begin.line; }

std::optional<LineId> read_line(const SectionReader& r, const toml::node& n, const std::string& key) {
  if (auto num = n.value_exact<std::int64_t>()) {
    if (*num >= 0 && *num <= 1023) return LineId(static_cast<unsigned>(*num));
    r.problem_at(n, key, "line number must be between 0 and 1023, not " + std::to_string(*num));
  } else if (auto s = n.value_exact<std::string>()) {
    if (!s->empty()) return LineId(*s);
    r.problem_at(n, key, "line name is empty");
  } else {
    r.problem_at(n, key, "expected a line number (BCM) or a line name such as \"GPIO17\"");
  }
  return std::nullopt;
}

const toml::node* required(const SectionReader& r, const char* key) {
  const toml::node* n = r.get(key);
  if (!n) r.problem_here("missing key \"" + std::string(key) + "\"");
  return n;
}

const toml::table* channel_table(const SectionReader& r, const char* key, const std::string& expected) {
  const toml::node* n = required(r, key);
  if (!n) return nullptr;
  const toml::table* t = n->as_table();
  if (!t || t->empty()) {
    r.problem(key, expected);
    return nullptr;
  }
  return t;
}

}  // namespace chairhub::hw
