#include "analysis/analyzer.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "calibration/model.hpp"

namespace chairhub {
namespace {

SensorHealth::Limits limits_for(const Channel& c, Units units) {
  SensorHealth::Limits limits;
  if (units == Units::raw) {
    limits.raw_min = c.raw_min;
    limits.raw_max = c.raw_max;
  } else if (c.role != Role::seat) {
    limits.clamped = true;  // a calibrated pad sits at exactly 0 or 1 for as long as it likes
  }
  return limits;
}

// When the feet leave the pads (tucked, dangling), the lower legs' weight moves onto the seat.
// Lower legs and feet are about an eighth of the body: some 15 % of what the seat carries
// upright, all of it once the feet are fully off.
constexpr double kLegsShare = 0.15;

}  // namespace

Analyzer::Analyzer(AnalysisConfig cfg, ChannelLayout layout, Units units)
    : cfg_(std::move(cfg)),
      layout_(std::move(layout)),
      units_(units),
      filter_(layout_.size(), cfg_.smoothing_s),
      occupancy_(cfg_.occupancy.debounce_s),
      posture_(cfg_.posture.dwell_s),
      feet_(cfg_.feet.dwell_s),
      session_(cfg_.breaks),
      nudges_(cfg_.nudges) {
  for (const auto& c : layout_.channels) {
    health_.emplace_back(cfg_.health, limits_for(c, units));
    state_.channels.push_back({c.name, std::nullopt});
  }
  sort_channels();
  values_.assign(layout_.size(), kMissing);
  filter_in_.assign(layout_.size(), kMissing);
  pattern_.assign(layout_.size(), kMissing);
  baseline_.cop_x = cfg_.baseline.default_cop_x;
  baseline_.cop_y = cfg_.baseline.default_cop_y;
}

void Analyzer::sort_channels() {
  seat_cells_.clear();
  back_pads_.clear();
  foot_pads_.clear();
  for (std::size_t i = 0; i < layout_.size(); ++i) {
    const Channel& c = layout_.channels[i];
    // A cell on the centre line counts half to each side.
    const auto half = [](bool whole, bool centre) { return whole ? 1.0 : centre ? 0.5 : 0.0; };
    switch (c.role) {
      case Role::seat: seat_cells_.push_back({i, c.x, c.y, half(c.x < 0, c.x == 0), half(c.y > 0, c.y == 0)}); break;
      case Role::back: back_pads_.push_back(i); break;
      case Role::foot: foot_pads_.push_back(i); break;
    }
  }
}

void Analyzer::reconfigure(const AnalysisConfig& cfg, const ChannelLayout& layout) {
  if (layout.size() != layout_.size()) throw std::invalid_argument("analysis: the channels changed");
  cfg_ = cfg;  // in place: the session and nudge policy point at its parts
  layout_ = layout;
  sort_channels();  // the cells may have moved
  occupancy_.set_dwell(cfg_.occupancy.debounce_s);
  posture_.set_dwell(cfg_.posture.dwell_s);
  feet_.set_dwell(cfg_.feet.dwell_s);
  filter_.set_time_constant(cfg_.smoothing_s);
  for (auto& health : health_) health.set_config(cfg_.health);
  prepare_departure();  // the floors may have changed
}

void Analyzer::condition_channels(const Sample& sample, std::vector<Event>& out) {
  // read once, not per channel: this loop runs for every channel of every sample
  const double t = sample.t;
  const double* const readings = sample.values.data();
  const std::size_t channels = health_.size();
  const std::size_t read = std::min(sample.values.size(), channels);
  const bool raw = units_ == Units::raw;
  for (std::size_t i = 0; i < channels; ++i) {
    const double reading = i < read ? readings[i] : kMissing;
    const auto change = health_[i].update(t, reading);
    if (change != SensorHealth::Change::none) report_health(t, i, change, out);
    const bool faulted = health_[i].fault().has_value();
    if (faulted) values_[i] = kMissing;
    // a reading missing, not yet for long enough to be a fault, leaves the channel's value as it is
    const bool usable = !faulted && !std::isnan(reading);
    filter_in_[i] = !usable ? kMissing : raw ? calibrate(layout_.channels[i], reading) : reading;
  }
  filter_.update(t, filter_in_, values_);  // the usable channels' values, all in one pass
}

// Out of the per-channel loop: a change of a channel's health is rare.
void Analyzer::report_health(double t, std::size_t channel, SensorHealth::Change change, std::vector<Event>& out) {
  const std::string& name = layout_.channels[channel].name;
  if (change == SensorHealth::Change::raised) {
    const Fault fault = *health_[channel].fault();
    out.emplace_back(t, SensorFault{name, fault});
    state_.channels[channel].fault = fault;
  } else {
    out.emplace_back(t, SensorOk{name});
    state_.channels[channel].fault.reset();
  }
  filter_.reset(channel);
}

void Analyzer::compute_features() {
  Features& f = features_;  // filled in place: no copy per sample
  std::size_t seat_ok = 0;
  double kg = 0, mx = 0, my = 0, left = 0, front = 0;
  for (const SeatCell& cell : seat_cells_) {
    const double v = values_[cell.channel];
    if (std::isnan(v)) continue;
    ++seat_ok;
    kg += v;
    mx += v * cell.x;
    my += v * cell.y;
    left += v * cell.left;  // exactly v, v / 2 or nothing
    front += v * cell.front;
  }
  // The total survives one lost cell (scaled up as if the lost one carried its share); the
  // centre of pressure needs them all.
  const std::size_t seat_cells = seat_cells_.size();
  f.seat_usable = seat_cells > 0 && seat_ok + 1 >= seat_cells && seat_ok > 0;
  f.seat_complete = seat_cells > 0 && seat_ok == seat_cells;
  f.seat_kg = seat_ok > 0 ? kg * static_cast<double>(seat_cells) / static_cast<double>(seat_ok) : 0;
  if (f.seat_complete && kg > 1e-6) {
    f.cop_x = mx / kg;
    f.cop_y = my / kg;
    f.left_share = left / kg;
    f.front_share = front / kg;
  } else {
    f.cop_x = f.cop_y = 0;
    f.left_share = f.front_share = 0.5;
  }
  double lumbar = 0, feet = 0;
  int lumbar_n = 0, pads_n = 0;
  bool pads_flat = true;
  for (const std::size_t i : back_pads_) {
    if (std::isnan(values_[i])) continue;
    lumbar += values_[i];
    ++lumbar_n;
  }
  for (const std::size_t i : foot_pads_) {
    if (std::isnan(values_[i])) continue;
    feet += values_[i];
    ++pads_n;
    pads_flat = pads_flat && values_[i] >= cfg_.feet.pad_contact;
  }
  f.lumbar = lumbar_n > 0 ? std::optional(lumbar / lumbar_n) : std::nullopt;
  f.feet = pads_n > 0 ? std::optional(feet / pads_n) : std::nullopt;
  f.pads_flat = pads_n > 0 ? std::optional(pads_flat) : std::nullopt;
}

void Analyzer::update_posture(double t, std::vector<Event>& out) {
  if (!features_.seat_complete) return;  // the centre of pressure is unknown: hold the posture
  const auto previous = posture_.held();
  PostureInputs in{features_.cop_x, features_.cop_y, features_.lumbar};
  if (per_baseline_kg_ > 0) {
    double legs = 0;
    if (features_.feet && per_baseline_feet_ > 0)
      legs = kLegsShare * std::clamp(1 - *features_.feet * per_baseline_feet_, 0.0, 1.0);
    in.seat_drop = 1 - features_.seat_kg * per_baseline_kg_ + legs;
  }
  if (features_.feet && baseline_.feet) in.feet_rise = *features_.feet - *baseline_.feet;
  // The sitter's own model decides where it can; the rules where it cannot (no baseline yet,
  // a feature it was learnt on not measurable now).
  std::optional<Posture> modelled;
  if (model_ && baseline_source_) modelled = model_->classify(in, baseline_, previous);
  if (!modelled) in.departure = departure();
  posture_inputs_ = in;
  const Posture now = modelled ? *modelled : classify_posture(in, baseline_, cfg_.posture, previous);
  if (posture_.update(t, now)) out.emplace_back(t, PostureChange{now, previous});
}

void Analyzer::update_feet(double t, std::vector<Event>& out) {
  std::optional<bool> flat = features_.pads_flat;
  if (!flat && baseline_.seat_kg && features_.seat_complete) {
    flat = features_.seat_kg <= *baseline_.seat_kg * (1 + cfg_.feet.seat_rise);
  }
  if (flat && feet_.update(t, *flat)) out.emplace_back(t, FeetChange{*flat});
}

void Analyzer::update_state(double t) {
  auto& s = state_;
  s.t = t;
  s.posture = posture_.held();
  s.feet_flat = feet_.held();
  s.seat_kg = features_.seat_kg;
  s.left_share = features_.seat_complete ? std::optional(features_.left_share) : std::nullopt;
  s.front_share = features_.seat_complete ? std::optional(features_.front_share) : std::nullopt;
  s.lumbar = features_.lumbar;
  s.lumbar_contact.reset();
  if (features_.lumbar) s.lumbar_contact = *features_.lumbar >= cfg_.posture.lumbar_contact;
  s.session_start = session_.start();
  s.sitting_s = session_.sitting_s();
  s.since_break_s = session_.since_break_s(t);
  s.break_due = session_.break_due();
}

void Analyzer::update(const Sample& sample, std::vector<Event>& out) {
  const double t = sample.t;
  const double dt = last_t_ ? t - *last_t_ : 0;
  last_t_ = t;

  condition_channels(sample, out);
  compute_features();
  posture_inputs_.reset();

  if (features_.seat_usable) {
    const auto& occ = cfg_.occupancy;
    if (features_.seat_kg >= occ.on_kg) hysteresis_occupied_ = true;
    if (features_.seat_kg <= occ.off_kg) hysteresis_occupied_ = false;
    const bool known = occupancy_.held().has_value();
    if (occupancy_.update(t, hysteresis_occupied_)) {
      state_.occupied = hysteresis_occupied_;
      if (!known && !state_.occupied) {
        // The chair was empty from the start: nobody stood up.
      } else if (state_.occupied) {
        out.emplace_back(t, Seated{});
      } else {
        out.emplace_back(t, StoodUp{});
        posture_.reset();
        feet_.reset();
      }
    }
  }

  const auto session_before = session_.start();
  const bool break_due_now = session_.update(t, state_.occupied, posture_.held(), out);
  // ended by a break, or by a gap in time after which a new session may have begun at once
  const bool session_ended = session_before && session_.start() != session_before;
  if (session_ended && baseline_source_ == BaselineSource::auto_learnt) {
    // A real break ended the session: the next sitter may be someone else, so learn afresh.
    baseline_source_.reset();
    baseline_ = Baseline{};
    baseline_.cop_x = cfg_.baseline.default_cop_x;
    baseline_.cop_y = cfg_.baseline.default_cop_y;
    prepare_departure();
  }
  if (session_ended || !session_.active()) {
    auto_sums_ = {};
    auto_s_ = 0;
  }

  if (state_.occupied) {
    update_posture(t, out);
    update_feet(t, out);
  }
  update_baseline(t, session_ended ? 0 : dt, out);  // a gap is not time spent sitting upright
  update_state(t);

  NudgeInputs in;
  in.occupied = state_.occupied;
  in.lumbar_contact = state_.lumbar_contact;
  in.feet_flat = state_.feet_flat;
  in.posture = state_.posture;
  in.break_due_now = break_due_now;
  nudges_.update(t, in, out);
}

}  // namespace chairhub
