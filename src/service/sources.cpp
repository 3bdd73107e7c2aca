#include "service/sources.hpp"

#include <cstdio>

namespace chairhub {

SimulatedSource::SimulatedSource(Scenario scenario, const ChannelLayout& layout, double speed)
    : scenario_(std::move(scenario)),
      layout_(layout),
      speed_(speed),
      chair_(std::make_unique<SimulatedChair>(scenario_, layout_)),
      origin_(monotonic_seconds()),
      pacer_(speed) {}

bool SimulatedSource::next(Sample& sample) {
  if (!chair_->next(sample, label_)) {
    lap_offset_ += chair_->duration_s();
    chair_ = std::make_unique<SimulatedChair>(scenario_, layout_);
    if (!chair_->next(sample, label_)) return false;
  }
  sample.t += lap_offset_;
  if (!pacer_.wait_until(sample.t)) return false;
  sample.t += origin_;
  return true;
}

std::string SimulatedSource::describe() const {
  char text[96];
  std::snprintf(text, sizeof text, "simulated chair (%g kg, %g Hz, %gx speed)", scenario_.mass_kg, scenario_.rate_hz,
                speed_);
  return text;
}

LogSource::LogSource(const std::string& path, const ChannelLayout& layout, double speed)
    : path_(path), reader_(path, layout), pacer_(speed) {}

bool LogSource::next(Sample& sample) { return reader_.next(sample) && pacer_.wait_until(sample.t); }

}  // namespace chairhub
