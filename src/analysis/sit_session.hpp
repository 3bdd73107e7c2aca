#pragma once
// Sit time and breaks. A session starts when the person sits down; an absence shorter than the
// minimum break does not end it. `break_due` comes when the session reaches the break interval,
// then again every repeat interval; `break_taken` when an absence reaches the minimum break.
// Time comes from the samples and may jump (a recorder that paused, a log with a hole): a jump
// is a gap nobody watched, so it raises at most one `break_due`, and a gap as long as the
// minimum break ends the session like a break.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analysis/posture.hpp"
#include "events/event.hpp"

namespace chairhub {

// A gentle movement suggested with `break_due`, picked by what the session looked like.
struct Movement {
  std::string when;  // "slouching", "leaning", "forward", "reclined", "long_sit" or "any"
  std::string name;
  std::string how;
};
std::vector<Movement> default_movements();

struct BreakConfig {
  double interval_s = 45 * 60;   // stand and move every 30-60 minutes
  double repeat_s = 15 * 60;     // remind again while the session goes on
  double min_break_s = 2 * 60;   // an absence this long is a break
  double long_sit_s = 60 * 60;   // a session this long suggests a hip-flexor stretch
  std::vector<Movement> movements = default_movements();
};

class SitSession {
 public:
  explicit SitSession(const BreakConfig& cfg) : cfg_(&cfg) {}

  // Called every sample with the debounced occupancy and the reported posture; true when a
  // break became due at this sample.
  bool update(double t, bool occupied, std::optional<Posture> posture, std::vector<Event>& out);
  // Ends the session at once (a "reset session" command).
  void reset(double t);
  // Continues a session that began at `start` with `seated_s` of it spent seated (after a
  // restart of the daemon).
  void resume(double start, double seated_s);

  bool active() const { return start_.has_value(); }
  std::optional<double> start() const { return start_; }
  // Time actually seated in this session (short absences excluded).
  double sitting_s() const { return seated_s_; }
  // Time since the last break ended, i.e. since the session began; 0 outside a session.
  double since_break_s(double t) const { return start_ ? t - *start_ : 0; }
  bool break_due() const { return due_count_ > 0; }

 private:
  const Movement* pick_movement(double sitting_s);

  const BreakConfig* cfg_;
  std::optional<double> start_;
  std::optional<double> away_since_;
  std::optional<double> last_t_;
  bool was_occupied_ = false;
  double seated_s_ = 0;
  // Reminders of this session, counting those a jump in time skipped; a double so that any
  // jump, however far, fits.
  double due_count_ = 0;
  std::size_t picks_ = 0;   // rotates among equally fitting movements
  std::array<double, std::size(kAllPostures)> posture_s_{};  // time per posture this session
};

}  // namespace chairhub
