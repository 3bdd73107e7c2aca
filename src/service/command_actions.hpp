#pragma once
// chairhubd's answers to the commands of mqtt/commands.hpp: each acts on the analysis and on
// what is kept across restarts, or says in plain words why it cannot.
#include <cstddef>
#include <optional>
#include <vector>

#include "analysis/analyzer.hpp"
#include "config/config.hpp"
#include "core/sample.hpp"
#include "mqtt/commands.hpp"
#include "service/journal.hpp"
#include "service/session_keeper.hpp"

namespace chairhub {

class LivePostureCalibration;
class DaemonProfiles;

// The seat cells' recent raw readings, averaged for the tare command: a rolling few seconds.
class TareAverage {
 public:
  void add(const Sample& sample);
  void clear() { count_ = 0; }
  bool empty() const { return count_ == 0; }
  // The mean of each channel, NaN where a reading of it was missing.
  std::vector<double> means() const;

 private:
  static constexpr std::size_t kWindow = 50;
  std::vector<double> sum_;
  std::size_t count_ = 0;
};

// What a command may act on.
struct CommandTarget {
  Analyzer& analyzer;
  Config& config;  // tare writes the seat cells' offsets into its channels
  Units units = Units::raw;
  const TareAverage& raw;
  SessionKeeper& keeper;
  const Journal& journal;
  LivePostureCalibration* postures = nullptr;  // none: the posture calibration is not available
  DaemonProfiles* profiles = nullptr;          // none: no sitter profiles
};

// Runs one command at sample time `t`.
mqtt::CommandOutcome run_command(const mqtt::Command& command, double t, CommandTarget target);

}  // namespace chairhub
