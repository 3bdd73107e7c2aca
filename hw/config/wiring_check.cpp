#include "hw/config/wiring_check.hpp"

namespace chairhub::hw {

void WiringCheck::wire(const std::string& channel, std::size_t line) {
  if (!layout_.find(channel)) {
    std::string names;
    for (const auto& ch : layout_.channels) names += (names.empty() ? "" : ", ") + ch.name;
    return problem(line, "hardware", "channel \"" + channel + "\" is not in the channel layout (" + names + ")");
  }
  if (const auto it = wired_.find(channel); it != wired_.end())
    return problem(line, "hardware", "channel \"" + channel + "\" is already wired at line " + std::to_string(it->second));
  wired_[channel] = line;
}

void WiringCheck::use(const LineId& id, std::size_t line) {
  for (const auto& [other, at] : lines_) {
    if (other == id)
      return problem(line, "hardware", "GPIO line " + id.text() + " is already used at line " + std::to_string(at));
  }
  lines_.emplace_back(id, line);
}

void WiringCheck::place(const std::string& address, std::size_t line, const std::string& key) {
  if (!addresses_.emplace(address, line).second) problem(line, key, "two chips at the same bus and address");
}

}  // namespace chairhub::hw
