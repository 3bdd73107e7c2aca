#include "analysis/nudges.hpp"

#include <algorithm>

namespace chairhub {
namespace {

const char* message(NudgeReason reason, std::optional<Posture> posture) {
  switch (reason) {
    case NudgeReason::lumbar: return "Sit back so the backrest supports your lower back.";
    case NudgeReason::feet: return "Put both feet flat on the floor, knees at about 90 degrees.";
    case NudgeReason::posture:
      return posture == Posture::leaning_forward ? "Sit back in the chair rather than leaning forward."
                                                 : "Sit evenly on both hips.";
    case NudgeReason::brk: return "Time to stand up and move for a few minutes.";
  }
  return "";
}

bool is_lean(std::optional<Posture> p) {
  return p == Posture::leaning_left || p == Posture::leaning_right || p == Posture::leaning_forward;
}

}  // namespace


void NudgePolicy::update(double t, const NudgeInputs& in, std::vector<Event>& out) {
  const std::array<bool, kNudgeReasons> active = {
      in.occupied && in.lumbar_contact == false,
      in.occupied && in.feet_flat == false,
      in.occupied && is_lean(in.posture),
      in.break_due_now,
  };
  const bool any = std::find(active.begin(), active.end(), true) != active.end();
  if (!any && idle_) return;  // nothing to nudge about, nor since the sample before: most samples
  idle_ = !any;  // (the loop forgets every condition that is not active)
  for (std::size_t i = 0; i < kNudgeReasons; ++i) {
    auto& since = condition_since_[i];
    if (!active[i]) {
      since.reset();
      continue;
    }
    if (!since) since = t;
    const auto reason = static_cast<NudgeReason>(i);
    // worked out here, for an active condition only: most samples have none
    const std::array<double, kNudgeReasons> after = {cfg_->lumbar_after_s, cfg_->feet_after_s,
                                                     cfg_->posture_after_s, 0};
    const bool allowed = enabled() && !(snoozed_until_ && t < *snoozed_until_);
    const bool lasted = t - *since >= after[i];
    const bool cooled = !last_nudge_[i] || t - *last_nudge_[i] >= cfg_->cooldown_s;
    // A break reminder is rate-limited by its own schedule, so only the others keep the gap.
    const bool spaced = reason == NudgeReason::brk || !last_any_ || t - *last_any_ >= cfg_->min_gap_s;
    if (!allowed || !lasted || !cooled || !spaced) continue;

    const auto about = reason == NudgeReason::posture ? in.posture : std::nullopt;
    out.emplace_back(t, Nudge{reason, message(reason, in.posture), about});
    last_nudge_[i] = t;
    last_any_ = t;
    since = t;  // the condition must persist afresh before it nudges again
  }
}

}  // namespace chairhub
