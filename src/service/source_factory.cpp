#include "service/source_factory.hpp"

#include <utility>

#include "config/config.hpp"
#include "service/sources.hpp"

namespace chairhub {

SourceFactory::SourceFactory(const ServiceConfig& service, const ChannelLayout& layout,
                             std::optional<Scenario> scenario, const std::optional<hw::HardwareConfig>& hardware,
                             const std::string& config_path)
    : kind_(service.source),
      layout_(layout),
      log_(service.log),
      speed_(service.speed),
      devices_present_file_(service.devices_present_file),
      scenario_(std::move(scenario)) {
  const bool needs_scenario = kind_ == SourceKind::simulated || kind_ == SourceKind::devices;
  if (needs_scenario && !scenario_)
    throw ConfigError({config_path + ": service.source: no scenario for the simulated chair"});
  if (reads_chips()) {
    if (!hardware) throw ConfigError({config_path + ": hardware: expected a table [hardware]"});
    wiring_ = *hardware;
  } else if (kind_ == SourceKind::simulated) {
    units_ = scenario_->units;
  }
}

std::unique_ptr<SampleSource> SourceFactory::open() {
  if (kind_ == SourceKind::log) {
    auto log = std::make_unique<LogSource>(log_, layout_, speed_);
    units_ = log->units();
    return log;
  }
  return std::make_unique<SimulatedSource>(*scenario_, layout_, speed_);
}

std::unique_ptr<ChipSampleSource> SourceFactory::open_chips() {
  if (kind_ == SourceKind::hardware) return std::make_unique<HardwareSampleSource>(wiring_, layout_);
  return std::make_unique<SimulatedDevicesSource>(*scenario_, layout_, wiring_, devices_present_file_);
}

}  // namespace chairhub
