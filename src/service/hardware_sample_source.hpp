#pragma once
// Live samples from the chair's own sensors (hw/), stamped with the monotonic clock.
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "hw/chip/chip_devices.hpp"
#include "hw/config/hardware_config.hpp"
#include "hw/output/outputs.hpp"
#include "hw/source/hardware_source.hpp"
#include "hw/util/clock.hpp"
#include "service/sample_source.hpp"
#include "service/simulated_devices.hpp"

namespace chairhub {

// A source that reads the chair's chips, real or simulated, with the LED and buzzer wired beside
// them (opened on their own, on the same GPIO chip).
class ChipSampleSource : public SampleSource {
 public:
  virtual hw::PatternPlayer* player() = 0;  // nullptr when no outputs are configured
  virtual hw::Clock& clock() = 0;
};

class HardwareSampleSource : public ChipSampleSource {
 public:
  // Opens the devices; throws hw::DeviceError (or InputError for wiring that does not fit the
  // layout) with a message that says what to check.
  HardwareSampleSource(const hw::HardwareConfig& config, const ChannelLayout& layout);
  // The same drivers on other devices (the software chip models, for simulated devices).
  HardwareSampleSource(const hw::HardwareConfig& config, const ChannelLayout& layout, const hw::Backends& backends);
  bool next(Sample& sample) override;
  void stop() override { stopped_ = true; }
  std::string describe() const override;
  hw::PatternPlayer* player() override { return outputs_ ? &outputs_->player() : nullptr; }
  hw::Clock& clock() override { return clock_; }
  // Plain-words health of each channel at the last read (layout order).
  const std::vector<hw::ChannelHealth>& health() const { return reading_.health; }

 private:
  hw::SteadyClock clock_;
  hw::ChipDevices devices_;
  std::unique_ptr<hw::HardwareSource> source_;
  std::unique_ptr<hw::Outputs> outputs_;
  hw::HardwareReading reading_;  // the latest, its vectors reused by the next read
  std::atomic<bool> stopped_{false};
};

// The real drivers reading software models of the chips (hw/sim), which a simulated sitter
// loads: the whole hardware path at the chips' own rates, on a machine without the chair.
class SimulatedDevicesSource : public ChipSampleSource {
 public:
  // With a `present_file`, the chips are there only while that file exists: without it, opening
  // throws hw::DeviceError as on a Pi whose chair is not wired yet, and a read throws it as a
  // read from a removed GPIO chip does. To try (and test) how the daemon waits for its sensors.
  SimulatedDevicesSource(Scenario scenario, const ChannelLayout& layout, const hw::HardwareConfig& config,
                         const std::string& present_file = {});
  bool next(Sample& sample) override;
  void stop() override { source_.stop(); }
  std::string describe() const override { return "simulated devices: " + source_.describe(); }
  hw::PatternPlayer* player() override { return source_.player(); }
  hw::Clock& clock() override { return clock_; }
  void hold(const std::optional<HeldLoad>& load) override;

 private:
  std::string present_file_;
  std::mutex held_mutex_;
  std::optional<std::optional<HeldLoad>> held_change_;  // for the reader thread to apply
  hw::SteadyClock clock_;
  SimulatedDevices devices_;
  HardwareSampleSource source_;
};

}  // namespace chairhub
