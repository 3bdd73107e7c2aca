#include "core/channel.hpp"

namespace chairhub {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::seat: return "seat";
    case Role::back: return "back";
    case Role::foot: return "foot";
  }
  return "?";
}

std::optional<Role> role_from_string(std::string_view text) {
  if (text == "seat") return Role::seat;
  if (text == "back") return Role::back;
  if (text == "foot") return Role::foot;
  return std::nullopt;
}

std::optional<std::size_t> ChannelLayout::find(std::string_view name) const {
  for (std::size_t i = 0; i < channels.size(); ++i)
    if (channels[i].name == name) return i;
  return std::nullopt;
}

std::size_t ChannelLayout::count(Role role) const {
  std::size_t n = 0;
  for (const auto& c : channels) n += c.role == role;
  return n;
}

Channel make_channel(std::string name, Role role, double x, double y) {
  Channel c;
  c.name = std::move(name);
  c.role = role;
  c.x = x;
  c.y = y;
  if (role == Role::seat) {
    // A typical 50 kg half-bridge pair at gain 128 gives roughly 21000 counts per kg.
    c.scale = 1.0 / 21000.0;
    c.raw_min = kHx711Min;
    c.raw_max = kHx711Max;
  } else {
    // A force-sensing resistor in a divider on a single-ended ADS1115 input at +-4.096 V.
    c.empty = 800;
    c.full = 24000;
    c.raw_min = kAds1115Min;
    c.raw_max = kAds1115Max;
  }
  return c;
}

ChannelLayout ChannelLayout::standard() {
  ChannelLayout layout;
  layout.channels = {
      make_channel("seat_fl", Role::seat, -1, 1),  make_channel("seat_fr", Role::seat, 1, 1),
      make_channel("seat_bl", Role::seat, -1, -1), make_channel("seat_br", Role::seat, 1, -1),
      make_channel("lumbar_l", Role::back, -1, 0), make_channel("lumbar_r", Role::back, 1, 0),
      make_channel("foot_l", Role::foot, -1, 0),   make_channel("foot_r", Role::foot, 1, 0),
  };
  return layout;
}

}  // namespace chairhub
