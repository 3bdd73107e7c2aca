#include "eval/posture_calibration.hpp"

#include <algorithm>
#include <array>

namespace chairhub {
namespace {

constexpr std::array<PostureHold, 6> kHolds = {{
    {Posture::upright, "Sit upright, as you usually sit to work: your back against the backrest, feet flat."},
    {Posture::slouching, "Slouch: slide your hips forward and round your back away from the backrest."},
    {Posture::leaning_left, "Lean to your left, as if reaching for something beside the chair."},
    {Posture::leaning_right, "Lean to your right."},
    {Posture::leaning_forward, "Lean forward toward the desk, weight on your feet and forearms."},
    {Posture::reclined, "Recline: lean back into the backrest."},
}};

}  // namespace

std::span<const PostureHold> posture_holds() { return kHolds; }

double posture_settle_s(const Config& config) { return config.analysis.posture.dwell_s + 2; }

PostureCalibration::PostureCalibration(const Config& config, Units units, double hold_s)
    : config_(config), units_(units), hold_s_(hold_s) {}

double PostureCalibration::hold_seconds() const {
  return step_ == 0 ? hold_s_ + config_.analysis.occupancy.debounce_s + 1 : hold_s_;
}

double PostureCalibration::seconds_left() const {
  if (done()) return 0;
  if (!start_) return hold_seconds();
  return std::max(0.0, hold_seconds() - (*last_t_ - *start_));
}

bool PostureCalibration::add(const Sample& sample) {
  if (done()) return false;
  if (!start_) start_ = sample.t;
  last_t_ = sample.t;
  if (sample.t - *start_ > hold_seconds()) {
    ++step_;
    start_.reset();
    last_t_.reset();
    return true;
  }
  samples_.push_back({sample, std::string(to_string(hold().posture))});
  return false;
}

PostureModel PostureCalibration::learn(const std::string& where) const {
  PostureFitOptions options;
  // The movement into a posture is left out, at most 40 % of a hold.
  options.settle_s = std::min(posture_settle_s(config_), 0.4 * hold_s_);
  return learn_postures(samples_, units_, config_, options, where);
}

}  // namespace chairhub
