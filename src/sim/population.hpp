#pragma once
// A population of simulated sitters for evaluating posture on people the analysis was not tuned
// on: each sitter has their own mass, habitual position on the seat and body geometry (how far
// a slouch slides, how far a lean goes, how much of the body the seat carries, how firmly the
// back meets the pads), and goes through the same script: an upright first recording, every
// posture in turn, fidgets too short to count, and a stretch of a working day.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/scenario.hpp"

namespace chairhub {

struct PopulationSitter {
  std::string name;  // "sitter_07"
  Scenario scenario;
};

// Sitter `index` of a population (the same index and seed give the same sitter on every
// platform). Calibrated units at 5 Hz, the default noise.
PopulationSitter population_sitter(std::size_t index, std::uint64_t seed = 1);
std::vector<PopulationSitter> make_population(std::size_t count, std::uint64_t seed = 1);

// The ranges the sitters are drawn from, for the documentation and the tests.
struct PopulationRanges {
  static constexpr double mass_min = 45, mass_max = 140;
  static constexpr double offset = 0.15;  // habitual offset, each way, on both axes
  static constexpr double slide_min = 0.06, slide_max = 0.36;
  static constexpr double reach_min = 0.7, reach_max = 1.3;
  static constexpr double share_min = 0.72, share_max = 0.86;
  static constexpr double firmness_min = 0.6, firmness_max = 1.4;
};

}  // namespace chairhub
