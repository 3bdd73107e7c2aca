#include "mqtt/state_publisher.hpp"

namespace chairhub::mqtt {

StatePublisher::StatePublisher(Link& link, std::string topic, WallClock clock, StatePayloadOptions options,
                               double interval_s)
    : link_(link),
      topic_(std::move(topic)),
      clock_(clock ? std::move(clock) : system_wall_clock()),
      options_(options),
      interval_s_(interval_s) {}

void StatePublisher::update(const ChairState& state) {
  state_ = state;
  publish_if_due(false);
}

void StatePublisher::set_control(const ControlState& control) {
  control_ = control;
  publish_if_due(false);
}

void StatePublisher::republish() { publish_if_due(true); }

void StatePublisher::publish_if_due(bool force) {
  if (!state_ || !link_.connected()) return;
  const auto payload = state_payload(*state_, control_, clock_(), options_);
  auto significant = state_significant_part(payload);
  const double t = state_->t;
  // t going backwards means a new replay or a restarted clock: publish
  const bool due = force || !last_significant_ || significant != *last_significant_ || t < last_publish_t_ ||
                   t - last_publish_t_ >= interval_s_;
  if (!due) return;
  if (!link_.publish(topic_, payload.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), 1, true))
    return;
  last_significant_ = std::move(significant);
  last_publish_t_ = t;
}

}  // namespace chairhub::mqtt
