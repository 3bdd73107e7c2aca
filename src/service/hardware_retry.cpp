#include "service/hardware_retry.hpp"

#include <chrono>
#include <cstdio>

#include "hw/util/device_error.hpp"

namespace chairhub {

HardwareRetry::HardwareRetry(boost::asio::io_context& io, const ServiceConfig& config, Handlers handlers)
    : timer_(io), config_(config), handlers_(std::move(handlers)) {}

void HardwareRetry::start() {
  stopped_ = false;
  ++generation_;
  attempt();
}

void HardwareRetry::retry_now() {
  if (!waiting_ || stopped_) return;
  ++generation_;
  timer_.cancel();
  attempt();
}

void HardwareRetry::stop() {
  stopped_ = true;
  ++generation_;
  timer_.cancel();
}

std::string HardwareRetry::status() const {
  char every[32];
  std::snprintf(every, sizeof every, "%g s", config_.hardware_retry_s);
  return "waiting for the sensors: " + missing_ + "; retrying every " + every;
}

void HardwareRetry::attempt() {
  if (stopped_) return;
  try {
    handlers_.open();
  } catch (const hw::DeviceError& e) {
    waiting_ = true;
    missing_ = e.what();
    if (status() != said_) {
      said_ = status();
      handlers_.waiting(said_);
    }
    timer_.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(config_.hardware_retry_s)));
    // A tick already due when retry_now() or stop() cancelled it still runs: the generation
    // tells it apart, so the sensors are never opened twice.
    timer_.async_wait([this, generation = generation_](const boost::system::error_code& ec) {
      if (!ec && generation == generation_) attempt();
    });
    return;
  } catch (const std::exception& e) {
    waiting_ = false;
    said_.clear();
    handlers_.failed(e.what());
    return;
  }
  waiting_ = false;
  said_.clear();  // sensors lost later are reported afresh, even for the same reason
  handlers_.opened();
}

}  // namespace chairhub
