#pragma once
// A synthetic sitter on a chair: turns a scenario into samples, one at a time, so a log of any
// length streams out in constant memory. The body model is simple and documented in the code:
// the seat carries a share of the body mass at a centre of pressure set by the posture, the
// backrest and foot pads see contact set by posture and feet. Randomness is a seeded
// Mersenne Twister with our own normal variates, so output is identical on every platform.
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/channel.hpp"
#include "core/sample.hpp"
#include "sim/scenario.hpp"

namespace chairhub {

// A load held on the chair instead of the scenario's sitter: `kg` at (x, y) on the seat (-1..1,
// as the channels' positions) and the pads pressed, by name, each with its contact 0..1.
struct HeldLoad {
  double kg = 0, x = 0, y = 0;
  std::map<std::string, double> pressed;
};

class SimulatedChair {
 public:
  SimulatedChair(const Scenario& scenario, const ChannelLayout& layout);

  // Next sample and its ground-truth label (a posture name, "empty", or "held"); false once done.
  bool next(Sample& sample, std::string& label);
  double duration_s() const { return total_s_; }
  // From now on the chair carries `load`, for as long as it is asked, whatever the scenario's
  // steps say: the simulated person of `chairhub calibrate` doing what a prompt asked.
  void hold(const HeldLoad& load) { held_load_ = load; }
  void release() { held_load_.reset(); }  // the scenario's sitter again

 private:
  struct Pose {
    double seat_kg = 0, x = 0, y = 0, lumbar = 0, feet = 0;
  };
  // A channel's chip counts: the scenario's [sensors] where it names them, else the channel's.
  struct Counts {
    double offset, scale, empty, full;
  };
  bool advance(double t);  // to the step and pose of time t; false once the steps are done
  Pose target(const ScenarioStep& step) const;
  double seat_value(std::size_t i, double t, double sway_x, double sway_y, bool spike);
  double pad_value(std::size_t i);
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
  std::vector<Counts> counts_;  // per channel
  std::optional<HeldLoad> held_load_;
};

}  // namespace chairhub
