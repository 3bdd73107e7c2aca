#pragma once
// What can be wrong with a sensor channel. Raised by the analysis, reported in events and in the
// daemon's status.
#include <string_view>

namespace chairhub {

enum class Fault { missing, saturated, stuck };

constexpr std::string_view to_string(Fault fault) {
  switch (fault) {
    case Fault::missing: return "missing";
    case Fault::saturated: return "saturated";
    case Fault::stuck: return "stuck";
  }
  return "?";
}

// What a person can do about `fault`, in plain words (the chair's page, the wiring check).
constexpr std::string_view fault_advice(Fault fault) {
  switch (fault) {
    case Fault::missing: return "no reading: check the sensor's wires and its pins in [hardware]";
    case Fault::saturated:
      return "reads at the chip's limit: check the sensor's wires (a load cell's E+/E-/A+/A-, a pad's divider resistor)";
    case Fault::stuck: return "has not changed for a long time: a loose wire or a dead sensor";
  }
  return "?";
}

}  // namespace chairhub
