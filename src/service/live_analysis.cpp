#include "service/live_analysis.hpp"

namespace chairhub {

LiveAnalysis::LiveAnalysis(const Config& chair, Units units, SessionKeeper& keeper)
    : chair_(chair), units_(units), keeper_(keeper) {
  restart();
}

void LiveAnalysis::restart() {
  analyzer_ = std::make_unique<Analyzer>(chair_.analysis, chair_.layout, units_);
  keeper_.prime(*analyzer_);
  last_t_.reset();
  raw_.clear();
}

void LiveAnalysis::feed(const Sample& sample) {
  keeper_.before_sample(*analyzer_, sample.t, chair_.analysis.breaks.min_break_s);
  const double dt = last_t_ ? sample.t - *last_t_ : 0;
  last_t_ = sample.t;
  if (units_ == Units::raw) raw_.add(sample);
  events_.clear();
  analyzer_->update(sample, events_);
  for (const auto& e : events_)
    for (EventSink* sink : sinks_) sink->on_event(e);
  keeper_.after_sample(*analyzer_, dt, events_);
}

}  // namespace chairhub
