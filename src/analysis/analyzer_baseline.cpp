// The baseline half of the Analyzer: learning the sitter's own upright sitting (captured,
// set, or learnt on its own) and measuring how far the sitter is from it.
#include <cmath>

#include "analysis/analyzer.hpp"

namespace chairhub {

void Analyzer::BaselineSums::add(const Features& f, const std::vector<double>& pattern) {
  n += 1;
  x += f.cop_x;
  y += f.cop_y;
  kg += f.seat_kg;
  if (f.lumbar) {
    lumbar += *f.lumbar;
    lumbar_n += 1;
  }
  if (f.feet) {
    feet += *f.feet;
    feet_n += 1;
  }
  if (pattern_n.empty()) {
    pattern_n.assign(pattern.size(), 0);
    pattern_sum.assign(pattern.size(), 0);
    pattern_squares.assign(pattern.size(), 0);
  }
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (std::isnan(pattern[i])) continue;
    pattern_n[i] += 1;
    pattern_sum[i] += pattern[i];
    pattern_squares[i] += pattern[i] * pattern[i];
  }
}

Baseline Analyzer::BaselineSums::mean() const {
  Baseline b;
  b.cop_x = x / n;
  b.cop_y = y / n;
  b.seat_kg = kg / n;
  if (lumbar_n > 0) b.lumbar = lumbar / lumbar_n;
  if (feet_n > 0) b.feet = feet / feet_n;
  for (std::size_t i = 0; i < pattern_n.size(); ++i) {
    const double m = pattern_n[i] > 0 ? pattern_sum[i] / pattern_n[i] : kMissing;
    const double variance = pattern_n[i] > 0 ? pattern_squares[i] / pattern_n[i] - m * m : 0;
    b.pattern.push_back(m);
    b.spread.push_back(std::sqrt(std::max(0.0, variance)));
  }
  return b;
}

void Analyzer::capture_baseline(double from, double to) {
  capture_ = {from, to};
  capture_sums_ = {};
}

void Analyzer::set_baseline(const Baseline& baseline) { use_baseline(baseline, BaselineSource::set); }

// The posture held was judged against the reference before: judged again at the next sample.
void Analyzer::use_baseline(const Baseline& baseline, BaselineSource source) {
  baseline_ = baseline;
  baseline_source_ = source;
  prepare_departure();
  posture_.take_next();
}

void Analyzer::set_posture_model(std::optional<PostureModel> model) {
  model_ = std::move(model);
  if (model_ && !model_->prepared()) {
    std::string why;
    if (!model_->prepare(why)) model_.reset();
  }
  if (model_) set_baseline(model_->baseline);
}

void Analyzer::adopt_baseline(double t, const Baseline& b, BaselineSource source, std::vector<Event>& out) {
  use_baseline(b, source);
  out.emplace_back(t, BaselineUpdate{source, b, {}});
}

void Analyzer::update_baseline(double t, double dt, std::vector<Event>& out) {
  const bool measurable = state_.occupied && features_.seat_complete;
  if (capture_) {
    const auto [from, to] = *capture_;
    if (t >= from && t <= to && measurable) capture_sums_.add(features_, current_pattern());
    if (t > to) {
      capture_.reset();
      if (capture_sums_.n > 0) {
        adopt_baseline(t, capture_sums_.mean(), BaselineSource::window, out);
      } else {
        out.emplace_back(t, BaselineUpdate{BaselineSource::window, std::nullopt,
                                           "nobody was seated during the baseline window"});
      }
    }
  }
  // Until the sitter's own baseline is known, learn it from their first stretch of upright sitting.
  if (baseline_source_ || capture_ || cfg_.baseline.auto_learn_s <= 0) return;
  if (measurable && posture_.held() == Posture::upright) {
    auto_sums_.add(features_, current_pattern());
    auto_s_ += dt;
    if (auto_s_ >= cfg_.baseline.auto_learn_s) adopt_baseline(t, auto_sums_.mean(), BaselineSource::auto_learnt, out);
  }
}

// A channel's part in the pattern: a seat cell's share of the seat load (the seat complete), a
// backrest pad's contact; NaN for foot pads and channels without a reading.
double Analyzer::pattern_value(std::size_t channel) const {
  const double value = values_[channel];
  if (std::isnan(value)) return kMissing;
  switch (layout_.channels[channel].role) {
    case Role::seat: return features_.seat_complete && features_.seat_kg > 1e-6 ? value / features_.seat_kg : kMissing;
    case Role::back: return value;
    case Role::foot: return kMissing;
  }
  return kMissing;
}

const std::vector<double>& Analyzer::current_pattern() {
  for (std::size_t i = 0; i < pattern_.size(); ++i) pattern_[i] = pattern_value(i);
  return pattern_;
}

void Analyzer::prepare_departure() {
  const auto& b = baseline_;
  per_baseline_kg_ = b.seat_kg && *b.seat_kg > cfg_.occupancy.off_kg ? 1 / *b.seat_kg : 0;
  per_baseline_feet_ = b.feet && *b.feet > cfg_.feet.pad_contact ? 1 / *b.feet : 0;
  departure_terms_.clear();
  if (b.pattern.size() != layout_.size() || b.spread.size() != layout_.size()) return;
  for (std::size_t i = 0; i < layout_.size(); ++i) {
    const bool seat = layout_.channels[i].role == Role::seat;
    const double floor = seat ? cfg_.posture.floor_share : cfg_.posture.floor_contact;
    const double scale = std::isnan(b.pattern[i]) ? 0 : 1 / std::max(b.spread[i], floor);
    if (scale != 0) departure_terms_.push_back({i, seat, b.pattern[i], scale});
  }
}

// Called with the seat complete (update_posture), so a seat cell's share is its load over the
// seat's, multiplied by the inverse once rather than divided per cell.
double Analyzer::departure() const {
  if (cfg_.posture.departure <= 0 || departure_terms_.empty()) return 0;
  const double per_kg = features_.seat_kg > 0 ? 1 / features_.seat_kg : 0;
  double sum = 0;
  for (const auto& term : departure_terms_) {
    const double value = values_[term.channel];
    if (std::isnan(value)) continue;
    const double share = term.seat ? value * per_kg : value;
    const double z = (share - term.pattern) * term.scale;
    sum += z * z;
  }
  return std::sqrt(sum);
}

}  // namespace chairhub
