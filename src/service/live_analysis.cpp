#include "service/live_analysis.hpp"

#include "service/sitter_postures.hpp"

namespace chairhub {

LiveAnalysis::LiveAnalysis(const Config& chair, Units units, SessionKeeper& keeper)
    : chair_(chair), units_(units), keeper_(keeper) {
  restart();
}

void LiveAnalysis::restart() {
  analyzer_ = std::make_unique<Analyzer>(chair_.analysis, chair_.layout, units_);
  keeper_.prime(*analyzer_);
  analyzer_->set_posture_model(postures_);
  last_t_.reset();
  raw_.clear();
}

void LiveAnalysis::reconfigure() {
  analyzer_->reconfigure(chair_.analysis, chair_.layout);
  if (journal_) use_sitter_postures(state_dir_, *journal_);
}

void LiveAnalysis::use_sitter_postures(const std::string& state_dir, const Journal& journal) {
  state_dir_ = state_dir;
  journal_ = &journal;
  postures_ = load_sitter_postures(state_dir, postures_, journal);
  analyzer_->set_posture_model(postures_);
}

void LiveAnalysis::reload_sitter_postures() {
  if (journal_) use_sitter_postures(state_dir_, *journal_);
}

void LiveAnalysis::set_sitter_postures(PostureModel model) {
  postures_ = std::move(model);
  analyzer_->set_posture_model(postures_);
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
