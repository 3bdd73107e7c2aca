#pragma once
// Chair states as the analysis reports them, for the tests that score them.
#include <optional>

#include "analysis/chair_state.hpp"

namespace chairhub::test {

inline ChairState seated(std::optional<Posture> posture) {
  ChairState s;
  s.occupied = true;
  s.posture = posture;
  return s;
}

}  // namespace chairhub::test
