#include "service/sources.hpp"

#include <chrono>
#include <thread>

namespace chairhub {

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool StoppableSleep::until(double monotonic_s) {
  // Short naps, so that stop() is noticed within 50 ms.
  while (!stopped_) {
    const double left = monotonic_s - monotonic_seconds();
    if (left <= 0) return true;
    std::this_thread::sleep_for(std::chrono::duration<double>(std::min(left, 0.05)));
  }
  return false;
}

void StoppableSleep::stop() { stopped_ = true; }

SimulatedSource::SimulatedSource(Scenario scenario, const ChannelLayout& layout, double speed)
    : scenario_(std::move(scenario)),
      layout_(layout),
      speed_(speed),
      chair_(std::make_unique<SimulatedChair>(scenario_, layout_)),
      origin_(monotonic_seconds()) {}

bool SimulatedSource::next(Sample& sample) {
  if (!chair_->next(sample, label_)) {
    lap_offset_ += chair_->duration_s();
    chair_ = std::make_unique<SimulatedChair>(scenario_, layout_);
    if (!chair_->next(sample, label_)) return false;
  }
  sample.t += lap_offset_;
  const double due = origin_ + sample.t / speed_;
  if (!sleep_.until(due)) return false;
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
    : path_(path), reader_(path, layout), speed_(speed) {}

bool LogSource::next(Sample& sample) {
  if (stopped_ || !reader_.next(sample)) return false;
  if (!first_t_) {
    first_t_ = sample.t;
    origin_ = monotonic_seconds();
  }
  if (speed_ > 0 && !sleep_.until(origin_ + (sample.t - *first_t_) / speed_)) return false;
  return true;
}

void LogSource::stop() {
  stopped_ = true;
  sleep_.stop();
}

}  // namespace chairhub
