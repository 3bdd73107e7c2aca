#pragma once
// Opening the chair's sensors until they are there. A chair that is not wired yet (no GPIO chip,
// no I2C bus, a line held by another program) is no reason to exit: systemd would only restart
// chairhubd every few seconds, forever. Instead the daemon stays up and this tries again on its
// event loop every `hardware_retry_s`, telling what is missing at the first failed try and
// whenever that changes, not at every try. Sensors that vanish while running (a chip removed)
// come back here.
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <string>

#include "service/service_config.hpp"

namespace chairhub {

class HardwareRetry {
 public:
  struct Handlers {
    // Opens the sensors; throws hw::DeviceError saying what is missing.
    std::function<void()> open;
    // The sensors are missing: at the first failed try, and again when the reason changes.
    std::function<void(const std::string& status)> waiting;
    std::function<void()> opened;
    // open() failed for another reason than missing hardware: nothing a retry would mend.
    std::function<void(const std::string& what)> failed;
  };

  // `config` is read at every try, so a reload's new interval takes effect.
  HardwareRetry(boost::asio::io_context& io, const ServiceConfig& config, Handlers handlers);

  // Tries at once (on the caller's thread); on failure again every hardware_retry_s on the loop
  // until the sensors open or stop() is called.
  void start();
  // While waiting: tries at once instead of at the next tick (a reload may have fixed the wiring).
  void retry_now();
  void stop();

  bool waiting() const { return waiting_; }
  // While waiting, one line for the journal, systemd's STATUS and Home Assistant, e.g. "waiting
  // for the sensors: no GPIO chip found (...): No such file or directory; retrying every 5 s".
  std::string status() const;

 private:
  void attempt();

  boost::asio::steady_timer timer_;
  const ServiceConfig& config_;
  Handlers handlers_;
  bool waiting_ = false;
  bool stopped_ = false;
  unsigned generation_ = 0;  // of the pending tick
  std::string missing_;  // what the last failed try said
  std::string said_;     // the status last reported (its interval may change on a reload)
};

}  // namespace chairhub
