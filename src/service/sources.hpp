#pragma once
// The sample sources the daemon can run on, chosen by [service] source in the config.
#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "config/config.hpp"
#include "log/log_reader.hpp"
#include "core/pacing.hpp"
#include "service/sample_source.hpp"
#include "sim/scenario.hpp"
#include "sim/simulated_chair.hpp"

namespace chairhub {

// The built-in simulated chair: plays a scenario over and over, at `speed` times real time.
// Sample times continue from the monotonic clock at start, so they look like live ones.
class SimulatedSource : public SampleSource {
 public:
  SimulatedSource(Scenario scenario, const ChannelLayout& layout, double speed);
  bool next(Sample& sample) override;
  void stop() override { pacer_.stop(); }
  std::string describe() const override;

 private:
  Scenario scenario_;
  const ChannelLayout& layout_;
  double speed_;
  std::unique_ptr<SimulatedChair> chair_;
  double origin_;        // monotonic time at start
  double lap_offset_ = 0;  // scenario time already played in earlier laps
  std::string label_;
  Pacer pacer_;
};

// A recorded log played as if live, at `speed` times real time (0: as fast as possible).
class LogSource : public SampleSource {
 public:
  LogSource(const std::string& path, const ChannelLayout& layout, double speed);
  bool next(Sample& sample) override;
  void stop() override { pacer_.stop(); }
  std::string describe() const override { return "log " + path_; }
  Units units() const { return reader_.units(); }

 private:
  std::string path_;
  LogReader reader_;
  Pacer pacer_;
};

}  // namespace chairhub
