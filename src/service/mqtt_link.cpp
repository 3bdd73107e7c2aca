#include "service/mqtt_link.hpp"

#include "core/pacing.hpp"

namespace chairhub {

void MqttLink::start(boost::asio::io_context& io, const mqtt::MqttConfig& config, const std::string& chair_id,
                     const std::string& state_dir, const Journal& journal, mqtt::CommandHandler on_command,
                     std::string page_url) {
  if (!config.enabled) return;
  mqtt::ServiceOptions options;
  options.state_dir = state_dir;
  options.logger = journal.logger();
  options.on_command = std::move(on_command);
  options.configuration_url = std::move(page_url);
  mqtt::MqttConfig with_id = config;  // a copy: a reload compares against the config as read
  if (with_id.chair_id.empty()) with_id.chair_id = chair_id;
  service_ = std::make_unique<mqtt::MqttService>(io, with_id, std::move(options));
  service_->start();
}

void MqttLink::publish_state(const ChairState& state) {
  if (service_) service_->publish_state(state);
}

void MqttLink::set_control(const mqtt::ControlState& control) {
  if (service_) service_->set_control(control);
}

void MqttLink::sensors_missing(const std::string& status, ChairState nothing_measured) {
  if (!service_) return;
  service_->set_hardware_problem(status);
  nothing_measured.t = monotonic_seconds();  // the live samples' clock, which the publisher anchors on
  service_->publish_state(nothing_measured);
}

void MqttLink::sensors_open() {
  if (service_) service_->set_hardware_problem(std::nullopt);
}

void MqttLink::set_profiles(std::vector<std::string> profiles) {
  if (service_) service_->set_profiles(std::move(profiles));
}

void MqttLink::calibration_progress(const mqtt::CalibrationProgress& progress) {
  if (service_) service_->respond(std::string(mqtt::kCalibratePosturesOp), mqtt::calibration_progress_payload(progress));
}

void MqttLink::stop_when_delivered(std::chrono::milliseconds grace) {
  if (service_) service_->stop_when_delivered(grace);
}

}  // namespace chairhub
