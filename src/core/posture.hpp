#pragma once
// The postures the chair names. Shared by the analysis (which decides), the events (which report
// them), the simulator (which acts them out) and MQTT (Home Assistant's list of options).
#include <array>
#include <optional>
#include <string_view>

namespace chairhub {

// `other` is a sustained departure from the sitter's own upright that fits none of the named
// postures: never called upright, never acted out by the simulator.
enum class Posture { upright, slouching, leaning_left, leaning_right, leaning_forward, reclined, other };
inline constexpr std::array kAllPostures = {Posture::upright,         Posture::slouching,
                                            Posture::leaning_left,    Posture::leaning_right,
                                            Posture::leaning_forward, Posture::reclined,
                                            Posture::other};

// The posture's name in events, logs and scenarios.
constexpr std::string_view to_string(Posture posture) {
  switch (posture) {
    case Posture::upright: return "upright";
    case Posture::slouching: return "slouching";
    case Posture::leaning_left: return "leaning_left";
    case Posture::leaning_right: return "leaning_right";
    case Posture::leaning_forward: return "leaning_forward";
    case Posture::reclined: return "reclined";
    case Posture::other: return "other";
  }
  return "?";
}

constexpr std::optional<Posture> posture_from_string(std::string_view text) {
  for (Posture p : kAllPostures)
    if (to_string(p) == text) return p;
  return std::nullopt;
}

}  // namespace chairhub
