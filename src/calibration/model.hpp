#pragma once
// The calibration model: what turns a channel's raw ADC counts into kg (seat cells) or contact
// 0..1 (pads), and the per-channel values a calibration measures. The values themselves live
// in the Channel (core/channel.hpp, with the chips' typical defaults); a calibration file
// (file.hpp) overrides them, and a tare replaces the seat cells' offsets.
#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/channel.hpp"

namespace chairhub {

// Seat: kg = (raw - offset) * scale, not clamped, so a tare drift shows. Pads: contact =
// (raw - empty) / (full - empty), clamped to 0..1. Inline: it runs for every reading.
inline double calibrate(const Channel& c, double raw) {
  if (c.role == Role::seat) return (raw - c.offset) * c.scale;
  const double span = c.full - c.empty;
  return span == 0 ? 0 : std::clamp((raw - c.empty) / span, 0.0, 1.0);
}

// What a calibration measured for one channel; a value it did not measure stays unset.
struct ChannelCalibration {
  std::optional<double> offset, scale, empty, full;
};

// By channel name.
using Calibration = std::map<std::string, ChannelCalibration>;

// Overrides the layout's calibration fields with those `calibration` has; channels the layout
// does not have are skipped (the file's reader reports them).
void apply_calibration(const Calibration& calibration, ChannelLayout& layout);

// A tare: the mean raw reading `means[i]` of the empty seat on layout slot `slots[i]` becomes
// that seat cell's offset. Pads, and cells without a reading (NaN), are left out.
Calibration tare_offsets(const ChannelLayout& layout, const std::vector<std::size_t>& slots,
                         const std::vector<double>& means);

}  // namespace chairhub
