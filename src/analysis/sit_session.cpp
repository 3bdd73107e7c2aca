#include "analysis/sit_session.hpp"

#include <algorithm>
#include <cmath>

namespace chairhub {

std::vector<Movement> default_movements() {
  return {
      {"slouching", "standing back bend",
       "Stand, put your hands on your lower back and lean back slowly; hold 15-30 s."},
      {"leaning", "seated twist", "Sit tall and turn slowly to one side, then the other; hold 15-30 s each."},
      {"forward", "chin tuck and shoulder rolls",
       "Roll your shoulders back ten times, then draw your chin gently back; hold 15 s."},
      {"reclined", "cat-cow", "On hands and knees or standing, round then arch your back slowly, ten times."},
      {"long_sit", "hip-flexor lunge stretch",
       "Step into a gentle lunge and tuck your pelvis under; hold 15-30 s each side."},
      {"any", "walk and shoulder rolls", "Stand up, walk for two minutes and roll your shoulders."},
  };
}

void SitSession::reset(double t) {
  start_.reset();
  away_since_.reset();
  due_count_ = 0;
  seated_s_ = 0;
  posture_s_.fill(0);
  last_t_ = t;
}

void SitSession::resume(double start, double seated_s) {
  start_ = start;
  seated_s_ = seated_s;
  away_since_.reset();
  due_count_ = 0;
}

const Movement* SitSession::pick_movement(double sitting_s) {
  // The posture the session held most, other than upright, if it held it for a fifth of the time.
  double total = 0, worst_s = 0;
  std::optional<Posture> worst;
  for (std::size_t i = 0; i < posture_s_.size(); ++i) {
    total += posture_s_[i];
    if (kAllPostures[i] != Posture::upright && posture_s_[i] > worst_s) {
      worst_s = posture_s_[i];
      worst = kAllPostures[i];
    }
  }
  std::string want = "any";
  if (worst && worst_s >= 0.2 * total) {
    switch (*worst) {
      case Posture::slouching: want = "slouching"; break;
      case Posture::leaning_left:
      case Posture::leaning_right: want = "leaning"; break;
      case Posture::leaning_forward: want = "forward"; break;
      case Posture::reclined: want = "reclined"; break;
      case Posture::upright:
      case Posture::other: break;
    }
  } else if (sitting_s >= cfg_->long_sit_s) {
    want = "long_sit";
  }
  std::vector<const Movement*> fits;
  for (const auto& m : cfg_->movements)
    if (m.when == want) fits.push_back(&m);
  if (fits.empty())
    for (const auto& m : cfg_->movements)
      if (m.when == "any") fits.push_back(&m);
  if (fits.empty()) return nullptr;
  return fits[picks_++ % fits.size()];
}

bool SitSession::update(double t, bool occupied, std::optional<Posture> posture, std::vector<Event>& out) {
  const double dt = last_t_ ? t - *last_t_ : 0;
  // A gap as long as a break: whoever sat may have left, so the session ends as after a break.
  if (start_ && dt >= cfg_->min_break_s) {
    out.emplace_back(t, BreakTaken{t - away_since_.value_or(*last_t_), seated_s_});
    reset(t);
    was_occupied_ = false;
  }
  const bool stayed = occupied && was_occupied_;
  last_t_ = t;
  was_occupied_ = occupied;

  if (occupied) {
    if (!start_) start_ = t;
    away_since_.reset();
    if (stayed) {
      seated_s_ += dt;
      if (posture) posture_s_[static_cast<std::size_t>(*posture)] += dt;
    }
    // Breaks are due by the time since the last real break: a short absence does not count.
    const double session = t - *start_;
    const double next_due = cfg_->interval_s + due_count_ * cfg_->repeat_s;
    if (session >= next_due) {
      // after a jump the reminders passed in it are skipped rather than raised one per sample
      due_count_ = std::max(due_count_ + 1, std::floor((session - cfg_->interval_s) / cfg_->repeat_s) + 1);
      BreakDue due{seated_s_, session, {}};
      if (const Movement* m = pick_movement(session)) due.movement = {m->name, m->how};
      out.emplace_back(t, std::move(due));
      return true;
    }
    return false;
  }
  if (!start_) return false;
  if (!away_since_) away_since_ = t;
  const double away = t - *away_since_;
  if (away >= cfg_->min_break_s) {
    out.emplace_back(t, BreakTaken{away, seated_s_});
    reset(t);
  }
  return false;
}

}  // namespace chairhub
