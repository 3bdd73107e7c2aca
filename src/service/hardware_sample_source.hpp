#pragma once
// Live samples from the chair's own sensors (hw/), stamped with the monotonic clock.
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "hw/config/hardware_config.hpp"
#include "hw/source/hardware_source.hpp"
#include "hw/util/clock.hpp"
#include "service/sample_source.hpp"

namespace chairhub {

class HardwareSampleSource : public SampleSource {
 public:
  // Opens the devices; throws hw::DeviceError (or InputError for wiring that does not fit the
  // layout) with a message that says what to check.
  HardwareSampleSource(const hw::HardwareConfig& config, const ChannelLayout& layout);
  bool next(Sample& sample) override;
  void stop() override { stopped_ = true; }
  std::string describe() const override;
  hw::PatternPlayer* player() { return source_->player(); }
  hw::Clock& clock() { return clock_; }
  // Plain-words health of each channel at the last read (layout order).
  const std::vector<hw::ChannelHealth>& health() const { return health_; }

 private:
  hw::SteadyClock clock_;
  std::unique_ptr<hw::HardwareSource> source_;
  std::vector<hw::ChannelHealth> health_;
  std::atomic<bool> stopped_{false};
};

}  // namespace chairhub
