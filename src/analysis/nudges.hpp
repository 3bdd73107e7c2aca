#pragma once
// When to nudge the sitter. A condition must persist before it nudges, each reason has its own
// cooldown, and any two nudges are spaced apart, so the chair reminds without nagging.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "analysis/posture.hpp"
#include "core/nudge_reason.hpp"
#include "events/event.hpp"

namespace chairhub {

constexpr std::size_t kNudgeReasons = kAllNudgeReasons.size();

struct NudgeConfig {
  bool enabled = true;
  double lumbar_after_s = 60;    // lumbar contact missing this long
  double feet_after_s = 120;     // feet not flat this long
  double posture_after_s = 90;   // a lean held this long
  double cooldown_s = 15 * 60;   // the same reason again no sooner than this
  double min_gap_s = 60;         // any two nudges (other than a break) at least this far apart
};

// What the policy looks at, from the rest of the analysis.
struct NudgeInputs {
  bool occupied = false;
  std::optional<bool> lumbar_contact;
  std::optional<bool> feet_flat;
  std::optional<Posture> posture;
  bool break_due_now = false;  // a break_due event was raised at this sample
};

class NudgePolicy {
 public:
  explicit NudgePolicy(const NudgeConfig& cfg) : cfg_(&cfg) {}

  void update(double t, const NudgeInputs& in, std::vector<Event>& out);

  void set_enabled(bool on) { enabled_ = on; }
  bool enabled() const { return enabled_ && cfg_->enabled; }
  bool switched_on() const { return enabled_; }  // the user's switch, apart from the config
  void snooze_until(double t) { snoozed_until_ = t; }
  std::optional<double> snoozed_until() const { return snoozed_until_; }

 private:
  const NudgeConfig* cfg_;
  bool enabled_ = true;
  std::optional<double> snoozed_until_;
  std::array<std::optional<double>, kNudgeReasons> condition_since_{};
  std::array<std::optional<double>, kNudgeReasons> last_nudge_{};
  std::optional<double> last_any_;
  bool idle_ = true;  // no condition active, none remembered as going on
};

}  // namespace chairhub
