#pragma once
// Why the chair nudges the sitter. Shared by the analysis (which decides), the events (which
// report it) and the outputs (each reason has its own light and sound pattern).
#include <array>
#include <string_view>

namespace chairhub {

enum class NudgeReason { lumbar, feet, posture, brk };
inline constexpr std::array kAllNudgeReasons = {NudgeReason::lumbar, NudgeReason::feet, NudgeReason::posture,
                                                NudgeReason::brk};

// The reason's name in events and commands: "lumbar", "feet", "posture", "break".
constexpr std::string_view to_string(NudgeReason reason) {
  switch (reason) {
    case NudgeReason::lumbar: return "lumbar";
    case NudgeReason::feet: return "feet";
    case NudgeReason::posture: return "posture";
    case NudgeReason::brk: return "break";
  }
  return "?";
}

}  // namespace chairhub
