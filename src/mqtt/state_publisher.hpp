#pragma once
// The retained `state` topic. The analysis updates the state with every sample; this publishes
// at once when the state is news (state_is_news: posture, occupancy, break due, a share moved by
// 5 points, ...) and otherwise as a heartbeat every `interval_s` of sample time, so the broker is
// not flooded at the sample rate. The decision is made on the state's fields; the JSON is built
// only for a state that goes out.
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "analysis/chair_state.hpp"
#include "mqtt/link.hpp"
#include "mqtt/payloads.hpp"

namespace chairhub::mqtt {

class StatePublisher {
 public:
  // `diagnostics` is asked for the `diag` object each time the state goes out (default: empty).
  StatePublisher(Link& link, std::string topic, WallClock clock, StatePayloadOptions options, double interval_s,
                 std::function<Diagnostics()> diagnostics = {});

  void update(const ChairState& state);
  void set_control(const ControlState& control);
  // Why the sensors cannot be read at all, or nothing once they can (health.hardware). Goes out
  // with the next update(), so that the state it belongs to goes out with it.
  void set_hardware_problem(std::optional<std::string> problem);
  // Publishes the last known state regardless of throttling (after a reconnect, or when Home
  // Assistant comes back).
  void republish();

  const ControlState& control() const { return control_; }

 private:
  void publish_if_due(bool force);
  WallTime wall_at_sample_time();

  Link& link_;
  std::string topic_;
  WallClock clock_;
  StatePayloadOptions options_;
  double interval_s_;
  // The last state as it would be published, updated in place, and its sample time.
  std::optional<PublishedState> state_;
  double t_ = 0;
  ControlState control_;
  std::optional<std::string> hardware_problem_;
  std::function<Diagnostics()> diagnostics_;
  std::optional<PublishedState> last_published_;
  double last_publish_t_ = 0;
  // The wall time of one sample time, read once per session: derived afresh from each sample,
  // the session start would jitter by the samples' latency and look like a change every time.
  std::optional<std::pair<double, WallTime>> anchor_;  // (sample time, wall time)
  std::optional<double> anchored_session_;
};

}  // namespace chairhub::mqtt
