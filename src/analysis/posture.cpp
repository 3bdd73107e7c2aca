#include "analysis/posture.hpp"

#include <algorithm>

namespace chairhub {
namespace {

// How strongly the evidence says "leaning forward" rather than "slouching": each piece counts
// by how far past its own threshold it is (in units of that threshold), capped so no single
// one decides alone against the others. Without the seat's or the feet's evidence, the shift
// of the centre of pressure decides by itself, as before.
double forward_evidence(double dy, const PostureInputs& in, const PostureConfig& cfg, double ease) {
  auto term = [](double value, double threshold, double low) {
    return std::clamp((value - threshold) / threshold, low, 1.5);
  };
  double score = term(dy, cfg.forward - ease, -1.5);
  if (in.seat_drop) score += term(*in.seat_drop, cfg.seat_drop, -1.5);
  // Feet pressing harder say "forward"; feet lifted off the pads (tucked, dangling) cannot
  // press, so they say nothing either way.
  if (in.feet_rise) score += term(*in.feet_rise, cfg.feet_rise, 0);
  return score;
}

}  // namespace

Posture classify_posture(const PostureInputs& in, const Baseline& baseline, const PostureConfig& cfg,
                         std::optional<Posture> held) {
  // A threshold is a little easier to keep than to reach, so a sitter near a boundary does
  // not flicker between two postures.
  auto limit = [&](double threshold, Posture p) { return held == p ? threshold - cfg.hysteresis : threshold; };
  const double dx = in.cop_x - baseline.cop_x;
  const double dy = in.cop_y - baseline.cop_y;
  // Nothing named fits, but this is not how the sitter sits upright either.
  auto upright_or_other = [&] {
    const double departure = held == Posture::other ? cfg.departure * 0.8 : cfg.departure;
    return cfg.departure > 0 && in.departure >= departure ? Posture::other : Posture::upright;
  };

  if (dx <= -limit(cfg.lateral, Posture::leaning_left)) return Posture::leaning_left;
  if (dx >= limit(cfg.lateral, Posture::leaning_right)) return Posture::leaning_right;

  const double ease = held == Posture::leaning_forward ? cfg.hysteresis : 0;
  if (!in.lumbar) {
    // No backrest sensing: only the seat and feet can tell, so forward is all we can judge.
    if (forward_evidence(dy, in, cfg, ease) >= 0) return Posture::leaning_forward;
    return upright_or_other();
  }
  const double lumbar = *in.lumbar;
  const bool had_contact = held == Posture::upright || held == Posture::reclined;
  const bool contact = lumbar >= (had_contact ? cfg.lumbar_contact - cfg.hysteresis : cfg.lumbar_contact);
  if (!contact) {
    if (forward_evidence(dy, in, cfg, ease) >= 0) return Posture::leaning_forward;
    // A lower bound on dy: held slouching widens it backwards.
    const double back = cfg.slouch_back + (held == Posture::slouching ? cfg.hysteresis : 0);
    if (dy >= -back) return Posture::slouching;
    return upright_or_other();  // weight far back without back contact: no named posture fits
  }
  const double firm = held == Posture::reclined ? cfg.lumbar_firm - cfg.hysteresis : cfg.lumbar_firm;
  if (dy <= -limit(cfg.recline, Posture::reclined) && lumbar >= firm) return Posture::reclined;
  return upright_or_other();
}

}  // namespace chairhub
