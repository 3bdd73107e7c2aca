#include "sim/simulated_chair.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace chairhub {
namespace {

// Where each posture puts the weight (relative to the sitter's own upright position), how
// firmly the lower back meets the backrest, and what share of the body mass the seat carries
// with the feet flat (the rest is on the feet and the backrest). The body geometry scales the
// typical sitter's figures: a slouch slides the hips forward and keeps or slightly raises the
// seat's share; leaning forward moves weight onto the feet.
struct PostureModel {
  double dx, dy, lumbar, seat_share;
};
PostureModel model(Posture p, const BodyGeometry& b) {
  const double reach = b.lean_reach, firm = b.back_firmness;
  const double share = b.seat_share / 0.80;  // the typical sitter's seat carries 80 % upright
  switch (p) {
    case Posture::other:  // not a posture to act out (the scenario reader refuses it)
    case Posture::upright: return {0, 0, std::min(1.0, 0.55 * firm), 0.80 * share};
    case Posture::slouching: return {0, b.slouch_slide, 0.03 * firm, 0.82 * share};
    case Posture::leaning_left: return {-0.42 * reach, 0.02, std::min(1.0, 0.30 * firm), 0.80 * share};
    case Posture::leaning_right: return {0.42 * reach, 0.02, std::min(1.0, 0.30 * firm), 0.80 * share};
    case Posture::leaning_forward: return {0, 0.50 * reach, 0.0, 0.72 * share};
    case Posture::reclined: return {0, -0.32 * reach, std::min(1.0, 0.85 * firm), 0.74 * share};
  }
  return {};
}

}  // namespace

SimulatedChair::SimulatedChair(const Scenario& scenario, const ChannelLayout& layout)
    : scenario_(scenario), layout_(layout), rng_(scenario.seed), drift_(layout.size()), held_(layout.size()) {
  for (const Channel& c : layout_.channels) {
    const auto truth = scenario_.sensors.find(c.name);
    const SensorTruth t = truth == scenario_.sensors.end() ? SensorTruth{} : truth->second;
    counts_.push_back({t.offset.value_or(c.offset), t.per_kg ? 1 / *t.per_kg : c.scale, t.empty.value_or(c.empty),
                       t.full.value_or(c.full)});
  }
  for (const auto& s : scenario_.steps) total_s_ += s.duration_s;
  // Each seat cell drifts at its own rate, up to the scenario's figure.
  for (std::size_t i = 0; i < layout_.size(); ++i)
    if (layout_.channels[i].role == Role::seat) drift_[i] = scenario_.drift_kg_per_h * (2 * unit() - 1) / 3600;
  from_ = current_ = target(scenario_.steps.front());
}

double SimulatedChair::gaussian() {
  // Box-Muller on the engine's own bits: std::normal_distribution differs between libraries.
  const double u1 = 1.0 - unit(), u2 = unit();
  return std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
}

SimulatedChair::Pose SimulatedChair::target(const ScenarioStep& step) const {
  Pose pose;
  if (!step.posture) return pose;
  const PostureModel m = model(*step.posture, scenario_.body);
  // Tucked feet still touch the floor with the toes; dangling feet put the legs on the seat.
  const double legs = step.feet == Feet::flat ? 0 : step.feet == Feet::tucked ? 0.07 : 0.14;
  pose.seat_kg = scenario_.mass_kg * (m.seat_share + legs);
  pose.x = std::clamp(scenario_.offset_x + m.dx, -0.95, 0.95);
  pose.y = std::clamp(scenario_.offset_y + m.dy, -0.95, 0.95);
  pose.lumbar = m.lumbar;
  pose.feet = step.feet == Feet::flat ? (*step.posture == Posture::leaning_forward ? 0.85 : 0.65)
              : step.feet == Feet::tucked ? 0.12 : 0.0;
  return pose;
}

double SimulatedChair::fault_value(std::size_t channel, double t, double value, double& held) {
  const Channel& c = layout_.channels[channel];
  for (const auto& f : scenario_.faults) {
    if (f.channel != c.name || t < f.at_s || t >= f.at_s + f.for_s) continue;
    if (f.kind == "missing") return kMissing;
    if (f.kind == "saturated")
      return scenario_.units == Units::raw ? c.raw_max : c.role == Role::seat ? (c.raw_max - c.offset) * c.scale : 1.0;
    return held;  // stuck at the last good value
  }
  held = value;
  return value;
}

bool SimulatedChair::advance(double t) {
  while (step_ < scenario_.steps.size() && t >= step_start_ + scenario_.steps[step_].duration_s) {
    step_start_ += scenario_.steps[step_].duration_s;
    ++step_;
    from_ = current_;
    from_t_ = t;
  }
  if (step_ >= scenario_.steps.size()) return false;
  // Move from the last pose to this step's over move_s; sitting down or standing up moves the
  // load but not the place, so an empty chair's pose keeps the place of the person.
  const Pose goal = target(scenario_.steps[step_]);
  const double k = scenario_.move_s > 0 ? std::min(1.0, (t - from_t_) / scenario_.move_s) : 1.0;
  auto blend = [k](double a, double b) { return a + (b - a) * k; };
  current_.seat_kg = blend(from_.seat_kg, goal.seat_kg);
  const bool placed = goal.seat_kg > 0 && from_.seat_kg > 0;
  current_.x = placed ? blend(from_.x, goal.x) : goal.seat_kg > 0 ? goal.x : from_.x;
  current_.y = placed ? blend(from_.y, goal.y) : goal.seat_kg > 0 ? goal.y : from_.y;
  current_.lumbar = blend(from_.lumbar, goal.lumbar);
  current_.feet = blend(from_.feet, goal.feet);
  return true;
}

double SimulatedChair::seat_value(std::size_t i, double t, double sway_x, double sway_y, bool spike) {
  const Channel& c = layout_.channels[i];
  // A held weight rests where it was put; a sitter sways.
  const double kg = held_load_ ? held_load_->kg : current_.seat_kg;
  const double x = held_load_ ? held_load_->x : current_.x + sway_x;
  const double y = held_load_ ? held_load_->y : current_.y + sway_y;
  // Bilinear share of the load by distance from the cell, so the centre of pressure the
  // analysis computes is the one modelled here.
  double v = kg * (1 + c.x * x) / 2 * (1 + c.y * y) / 2;
  v += drift_[i] * t + scenario_.noise_kg * gaussian();
  if (spike) v += (unit() < 0.5 ? -1 : 1) * (40 + 60 * unit());
  if (scenario_.units == Units::raw)
    v = std::round(std::clamp(v / counts_[i].scale + counts_[i].offset, c.raw_min, c.raw_max));
  return v;
}

double SimulatedChair::pad_value(std::size_t i) {
  const Channel& c = layout_.channels[i];
  double contact = c.role == Role::back ? current_.lumbar : current_.feet;
  if (held_load_) {
    const auto pressed = held_load_->pressed.find(c.name);
    contact = pressed == held_load_->pressed.end() ? 0.0 : pressed->second;
  }
  double v = std::clamp(contact + scenario_.noise_contact * gaussian(), 0.0, 1.0);
  if (contact <= 0.001 && scenario_.units == Units::calibrated) v = 0;  // nothing touches the pad
  if (scenario_.units == Units::raw) {
    const Counts& k = counts_[i];
    v = std::round(std::clamp(k.empty + v * (k.full - k.empty) + 20 * gaussian(), c.raw_min, c.raw_max));
  }
  return v;
}

bool SimulatedChair::next(Sample& sample, std::string& label) {
  const double t = static_cast<double>(index_) / scenario_.rate_hz;
  if (!held_load_ && !advance(t)) return false;
  ++index_;
  // A sitter is never perfectly still: a slow sway of the centre of pressure.
  const double sway_x = 0.015 * std::sin(t * 0.7), sway_y = 0.015 * std::sin(t * 0.43 + 1);

  sample.t = t;
  sample.values.assign(layout_.size(), 0);
  const bool spike = scenario_.spikes_per_hour > 0 && unit() < scenario_.spikes_per_hour / 3600 / scenario_.rate_hz;
  const std::size_t spike_cell = static_cast<std::size_t>(unit() * static_cast<double>(layout_.size()));
  for (std::size_t i = 0; i < layout_.size(); ++i) {
    const double v = layout_.channels[i].role == Role::seat ? seat_value(i, t, sway_x, sway_y, spike && i == spike_cell)
                                                            : pad_value(i);
    sample.values[i] = fault_value(i, t, v, held_[i]);
  }
  if (held_load_) {
    label = "held";
  } else {
    const ScenarioStep& step = scenario_.steps[step_];
    label = step.posture ? std::string(to_string(*step.posture)) : "empty";
  }
  return true;
}

}  // namespace chairhub
