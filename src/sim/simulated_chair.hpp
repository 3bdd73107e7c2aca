#pragma once
// A synthetic sitter on a chair: turns a scenario into samples, one at a time, so a log of any
// length streams out in constant memory. The body model is simple and documented in the code:
// the seat carries a share of the body mass at a centre of pressure set by the posture, the
// backrest and foot pads see contact set by posture and feet. Randomness is a seeded
// Mersenne Twister with our own normal variates, so output is identical on every platform.
#include <cstdint>
#include <random>
#include <string>

#include "core/channel.hpp"
#include "core/sample.hpp"
#include "sim/scenario.hpp"

namespace chairhub {

class SimulatedChair {
 public:
  SimulatedChair(const Scenario& scenario, const ChannelLayout& layout);

  // Next sample and its ground-truth label (a posture name or "empty"); false once done.
  bool next(Sample& sample, std::string& label);
  double duration_s() const { return total_s_; }

 private:
  struct Pose {
    double seat_kg = 0, x = 0, y = 0, lumbar = 0, feet = 0;
  };
  Pose target(const ScenarioStep& step) const;
  double gaussian();
  double unit() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  double fault_value(std::size_t channel, double t, double value, double& held);

  Scenario scenario_;
  const ChannelLayout& layout_;
  std::mt19937_64 rng_;
  std::uint64_t index_ = 0;
  double total_s_ = 0;
  std::size_t step_ = 0;
  double step_start_ = 0;
  Pose from_, current_;
  double from_t_ = 0;
  std::vector<double> drift_;   // per channel, kg per second
  std::vector<double> held_;    // a stuck channel's value
};

}  // namespace chairhub
