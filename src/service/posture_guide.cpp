#include "service/posture_guide.hpp"

#include <algorithm>

namespace chairhub {
namespace {

using Stage = mqtt::CalibrationProgress::Stage;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::optional<web::Outcome> ending(const mqtt::CalibrationProgress& p) {
  switch (p.stage) {
    case Stage::hold: return std::nullopt;
    case Stage::done: return web::Outcome{true, "learnt your postures: " + joined(p.learnt)};
    case Stage::failed: return web::Outcome{false, p.error + "; the earlier postures stay"};
    case Stage::cancelled: return web::Outcome{false, "cancelled; the earlier postures stay"};
  }
  return std::nullopt;
}

}  // namespace

web::GuideView PostureGuide::view(const std::optional<mqtt::CalibrationProgress>& progress) {
  web::GuideView v;
  v.needs_ready = false;
  if (!progress) return v;
  const mqtt::CalibrationProgress& p = *progress;
  v.finished = ending(p);
  if (p.stage != Stage::hold) return v;
  if (p.step != step_) {
    step_ = p.step;
    hold_seconds_ = std::max(p.seconds_left, 1);
  }
  v.running = true;
  v.step = static_cast<int>(p.step);
  v.steps = static_cast<int>(p.steps);
  v.title = std::string(to_string(p.posture));
  v.instruction = p.ask;
  v.measuring = true;
  v.progress = 1.0 - static_cast<double>(p.seconds_left) / hold_seconds_;
  v.seen = !p.seated ? "Nobody is seated yet."
                     : "Seated; " + std::to_string(p.seconds_left) + " s to go" +
                           (p.seen ? ", seen now as " + std::string(to_string(*p.seen)) : "") + ".";
  if (p.profile) v.title += " (" + *p.profile + ")";
  return v;
}

}  // namespace chairhub
