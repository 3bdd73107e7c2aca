#include "analysis/posture.hpp"

namespace chairhub {

Posture classify_posture(const PostureInputs& in, const Baseline& baseline, const PostureConfig& cfg,
                         std::optional<Posture> held) {
  // A threshold is a little easier to keep than to reach, so a sitter near a boundary does
  // not flicker between two postures.
  auto limit = [&](double threshold, Posture p) { return held == p ? threshold - cfg.hysteresis : threshold; };
  const double dx = in.cop_x - baseline.cop_x;
  const double dy = in.cop_y - baseline.cop_y;

  if (dx <= -limit(cfg.lateral, Posture::leaning_left)) return Posture::leaning_left;
  if (dx >= limit(cfg.lateral, Posture::leaning_right)) return Posture::leaning_right;

  if (!in.lumbar) {
    // No backrest sensing: only the seat can tell, so forward is all we can judge.
    return dy >= limit(cfg.forward, Posture::leaning_forward) ? Posture::leaning_forward : Posture::upright;
  }
  const double lumbar = *in.lumbar;
  const bool had_contact = held == Posture::upright || held == Posture::reclined;
  const bool contact = lumbar >= (had_contact ? cfg.lumbar_contact - cfg.hysteresis : cfg.lumbar_contact);
  if (!contact) {
    if (dy >= limit(cfg.forward, Posture::leaning_forward)) return Posture::leaning_forward;
    // A lower bound on dy: held slouching widens it backwards.
    const double back = cfg.slouch_back + (held == Posture::slouching ? cfg.hysteresis : 0);
    if (dy >= -back) return Posture::slouching;
    return Posture::upright;  // weight far back without back contact: no posture fits better
  }
  const double firm = held == Posture::reclined ? cfg.lumbar_firm - cfg.hysteresis : cfg.lumbar_firm;
  if (dy <= -limit(cfg.recline, Posture::reclined) && lumbar >= firm) return Posture::reclined;
  return Posture::upright;
}

}  // namespace chairhub
