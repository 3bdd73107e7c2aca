#include "hw/output/output_config.hpp"

#include "hw/config/config_values.hpp"

namespace chairhub::hw {

OutputConfig read_output_config(const SectionReader& table) {
  table.known_keys({"name", "kind", "line", "active_low"});
  OutputConfig o;
  o.source_line = table.line();
  o.name = table.string("name").value_or("");
  if (o.name.empty()) table.problem_here("missing key \"name\"");
  const std::string kind = table.string("kind").value_or("led");
  if (kind == "led") o.kind = OutputKind::led;
  else if (kind == "buzzer") o.kind = OutputKind::buzzer;
  else table.problem("kind", "must be \"led\" or \"buzzer\", not \"" + kind + "\"");
  if (const toml::node* line = required(table, "line"))
    if (auto id = read_line(table, *line, "line")) o.line = *id;
  table.read("active_low", o.active_low);
  return o;
}

}  // namespace chairhub::hw
