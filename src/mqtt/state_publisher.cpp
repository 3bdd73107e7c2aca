#include "mqtt/state_publisher.hpp"

#include <chrono>

namespace chairhub::mqtt {

StatePublisher::StatePublisher(Link& link, std::string topic, WallClock clock, StatePayloadOptions options,
                               double interval_s, std::function<Diagnostics()> diagnostics)
    : link_(link),
      topic_(std::move(topic)),
      clock_(clock ? std::move(clock) : system_wall_clock()),
      options_(options),
      interval_s_(interval_s),
      diagnostics_(std::move(diagnostics)) {}

void StatePublisher::update(const ChairState& state) {
  if (!state_) state_.emplace();
  update_published_state(*state_, state, control_, options_, hardware_problem_);
  t_ = state.t;
  publish_if_due(false);
}

void StatePublisher::set_control(const ControlState& control) {
  control_ = control;
  if (state_) apply_control(*state_, control_);
  publish_if_due(false);
}

void StatePublisher::set_hardware_problem(std::optional<std::string> problem) {
  hardware_problem_ = std::move(problem);
}

void StatePublisher::republish() { publish_if_due(true); }

void StatePublisher::publish_if_due(bool force) {
  if (!state_ || !link_.connected()) return;
  const double t = t_;
  // t going backwards means a new replay or a restarted clock: publish
  const bool due = force || !last_published_ || state_is_news(*last_published_, *state_) || t < last_publish_t_ ||
                   t - last_publish_t_ >= interval_s_;
  if (!due) return;
  const auto payload = state_payload(*state_, t, wall_at_sample_time(), diagnostics_ ? diagnostics_() : Diagnostics{});
  if (!link_.publish(topic_, payload.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), 1, true))
    return;
  last_published_ = *state_;
  last_publish_t_ = t;
}

WallTime StatePublisher::wall_at_sample_time() {
  // re-anchored for each new session, and when sample time runs backwards (a new replay)
  if (!anchor_ || state_->session_start != anchored_session_ || t_ < anchor_->first) {
    anchor_.emplace(t_, clock_());
    anchored_session_ = state_->session_start;
  }
  const auto since = std::chrono::duration<double>(t_ - anchor_->first);
  return anchor_->second + std::chrono::duration_cast<std::chrono::system_clock::duration>(since);
}

}  // namespace chairhub::mqtt
