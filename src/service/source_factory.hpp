#pragma once
// Opens the sample source that [service] source names. A log or the simulated chair opens at
// start (there, or the daemon does not start); the chips (hardware, simulated devices) are
// opened at each try of HardwareRetry, with the wiring of the latest config.
#include <memory>
#include <optional>
#include <string>

#include "core/channel.hpp"
#include "hw/config/hardware_config.hpp"
#include "service/hardware_sample_source.hpp"
#include "service/sample_source.hpp"
#include "service/service_config.hpp"
#include "sim/scenario.hpp"

namespace chairhub {

class SourceFactory {
 public:
  // Keeps its own copy of the channels: the reader thread reads them while a reload or the tare
  // command change the running config's. Throws ConfigError when the chips have no [hardware].
  SourceFactory(const ServiceConfig& service, const ChannelLayout& layout, std::optional<Scenario> scenario,
                const std::optional<hw::HardwareConfig>& hardware, const std::string& config_path);

  SourceKind kind() const { return kind_; }
  bool reads_chips() const { return chairhub::reads_chips(kind_); }
  // What the samples are: raw chip counts, or whatever the log or scenario holds.
  Units units() const { return units_; }

  // The log or the simulated chair (not for chip sources).
  std::unique_ptr<SampleSource> open();
  // The chips; throws hw::DeviceError while they are missing.
  std::unique_ptr<ChipSampleSource> open_chips();
  // A reloaded [hardware], used from the next open_chips().
  void set_wiring(const hw::HardwareConfig& wiring) { wiring_ = wiring; }
  // The reader thread asks for real-time scheduling (only the real HX711 needs it).
  bool realtime() const { return kind_ == SourceKind::hardware && wiring_.realtime; }
  int realtime_priority() const { return wiring_.realtime_priority; }

 private:
  SourceKind kind_;
  ChannelLayout layout_;
  std::string log_;
  double speed_;
  std::string devices_present_file_;
  std::optional<Scenario> scenario_;  // the simulated chair's or simulated devices' sitter
  hw::HardwareConfig wiring_;
  Units units_ = Units::raw;
};

}  // namespace chairhub
