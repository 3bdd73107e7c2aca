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

}  // namespace chairhub
