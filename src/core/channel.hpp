#pragma once
// The sensor channels of a chair: what each one measures, where it sits, how to calibrate it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chairhub {

enum class Role { seat, back, foot };
enum class Units { raw, calibrated };

std::string_view to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);

struct Channel {
  std::string name;
  Role role = Role::seat;
  // Seat cells: position on the seat from -1 to 1, x from left to right and y from back to
  // front, as seen by the person sitting. Pads: x is the side (-1 left, 0 centre, 1 right).
  double x = 0;
  double y = 0;
  // Calibration from raw ADC counts (calibrate() in calibration/model.hpp; a calibration file
  // overrides these): seat kg = (raw - offset) * scale; pads (raw - empty) / (full - empty).
  double offset = 0;
  double scale = 1;
  double empty = 0;
  double full = 1;
  // The chip's output range; a raw reading at either end is saturated.
  double raw_min = 0;
  double raw_max = 0;
};

// Full-scale ranges of the chips: HX711 for seat cells, ADS1115 for pads.
constexpr double kHx711Min = -8388608, kHx711Max = 8388607;
constexpr double kAds1115Min = -32768, kAds1115Max = 32767;

struct ChannelLayout {
  std::vector<Channel> channels;

  std::optional<std::size_t> find(std::string_view name) const;
  std::size_t count(Role role) const;
  std::size_t size() const { return channels.size(); }

  // seat_fl, seat_fr, seat_bl, seat_br, lumbar_l, lumbar_r, foot_l, foot_r.
  static ChannelLayout standard();
};

// A channel with the chip range and calibration its role implies.
Channel make_channel(std::string name, Role role, double x, double y);

}  // namespace chairhub
