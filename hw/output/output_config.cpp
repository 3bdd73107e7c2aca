#include "hw/output/output_config.hpp"

#include "hw/config/config_values.hpp"

namespace chairhub::hw {

OutputConfig read_output_config(const SectionReader& k) {
  k.known_keys({"name", "kind", "line", "active_low"});
  OutputConfig o;
  o.source_line = k.line();
  o.name = k.string("name").value_or("");
  if (o.name.empty()) k.problem_here("missing key \"name\"");
  const std::string kind = k.string("kind").value_or("led");
  if (kind == "led") o.kind = OutputKind::led;
  else if (kind == "buzzer") o.kind = OutputKind::buzzer;
  else k.problem("kind", "must be \"led\" or \"buzzer\", not \"" + kind + "\"");
  if (const toml::node* line = required(k, "line"))
    if (auto id = read_line(k, *line, "line")) o.line = *id;
  k.read("active_low", o.active_low);
  return o;
}

}  // namespace chairhub::hw
