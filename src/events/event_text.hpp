#pragma once
// An event in words, as a person reads it: its type and the few fields that matter
// ("posture      slouching, was upright"). The terminal's lines (`chairhub replay`, a
// foreground chairhubd) put a time before it; the journal, pipes and files get JSON instead.
#include <string>

#include "events/event.hpp"

namespace chairhub {

// The type padded to a column, then what happened (no time, no newline).
std::string describe(const Event& event);

}  // namespace chairhub
