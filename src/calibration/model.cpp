#include "calibration/model.hpp"

#include <cmath>

namespace chairhub {

void apply_calibration(const Calibration& calibration, ChannelLayout& layout) {
  for (const auto& [name, cal] : calibration) {
    const auto index = layout.find(name);
    if (!index) continue;
    Channel& ch = layout.channels[*index];
    ch.offset = cal.offset.value_or(ch.offset);
    ch.scale = cal.scale.value_or(ch.scale);
    ch.empty = cal.empty.value_or(ch.empty);
    ch.full = cal.full.value_or(ch.full);
  }
}

Calibration tare_offsets(const ChannelLayout& layout, const std::vector<std::size_t>& slots,
                         const std::vector<double>& means) {
  Calibration out;
  for (std::size_t i = 0; i < slots.size() && i < means.size(); ++i) {
    const Channel& ch = layout.channels[slots[i]];
    if (ch.role != Role::seat || std::isnan(means[i])) continue;
    out[ch.name].offset = means[i];
  }
  return out;
}

}  // namespace chairhub
