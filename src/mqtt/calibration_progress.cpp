#include "mqtt/calibration_progress.hpp"

namespace chairhub::mqtt {

nlohmann::ordered_json calibration_progress_payload(const CalibrationProgress& p) {
  using Stage = CalibrationProgress::Stage;
  nlohmann::ordered_json j;
  j["status"] = p.stage == Stage::hold   ? "progress"
                : p.stage == Stage::done ? "done"
                : p.stage == Stage::failed ? "failed"
                                           : "cancelled";
  j["command"] = kCalibratePosturesOp;
  if (!p.id.is_null()) j["id"] = p.id;
  if (p.profile) j["profile"] = *p.profile;
  if (p.stage == Stage::hold) {
    j["step"] = p.step;
    j["steps"] = p.steps;
    j["posture"] = to_string(p.posture);
    j["ask"] = p.ask;
    j["seconds_left"] = p.seconds_left;
    j["seated"] = p.seated;
    j["seen"] = p.seen ? nlohmann::ordered_json(to_string(*p.seen)) : nlohmann::ordered_json(nullptr);
  }
  if (p.stage == Stage::failed) j["error"] = p.error;
  if (p.stage == Stage::done) j["postures"] = p.learnt;
  return j;
}

}  // namespace chairhub::mqtt
