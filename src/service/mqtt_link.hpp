#pragma once
// chairhubd on MQTT, when [mqtt] is enabled; when it is not, every call here does nothing, so
// the daemon's other parts need not ask.
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/chair_state.hpp"
#include "mqtt/calibration_progress.hpp"
#include "mqtt/service.hpp"
#include "service/journal.hpp"

namespace chairhub {

class MqttLink {
 public:
  // Connects and publishes discovery; `chair_id` is used when the config names none, and
  // `page_url` (the chair's page, when the network reaches it) is Home Assistant's link to the
  // device's own page. Nothing when the config leaves MQTT off.
  void start(boost::asio::io_context& io, const mqtt::MqttConfig& config, const std::string& chair_id,
             const std::string& state_dir, const Journal& journal, mqtt::CommandHandler on_command,
             std::string page_url = {});
  bool on() const { return service_ != nullptr; }
  // The event topic and its outbox (only when on()).
  EventSink& events() { return service_->events(); }

  void publish_state(const ChairState& state);
  void set_control(const mqtt::ControlState& control);
  // The sensors are missing, and why: Home Assistant's problem entity shows it at once, with a
  // state in which nothing is measured.
  void sensors_missing(const std::string& status, ChairState nothing_measured);
  void sensors_open();
  // The sitter profiles' names, for Home Assistant's select.
  void set_profiles(std::vector<std::string> profiles);
  // How the posture calibration asked for goes, on its response topic.
  void calibration_progress(const mqtt::CalibrationProgress& progress);
  // A connected broker gets up to `grace` for the last events; the rest stays in the outbox.
  void stop_when_delivered(std::chrono::milliseconds grace);

 private:
  std::unique_ptr<mqtt::MqttService> service_;
};

}  // namespace chairhub
