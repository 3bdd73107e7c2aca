#pragma once
// Runs a function on the event loop every period until cancel(): the periodic state save and
// the systemd watchdog.
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <functional>

namespace chairhub {

class Periodic {
 public:
  explicit Periodic(boost::asio::io_context& io) : timer_(io) {}

  void start(std::chrono::steady_clock::duration period, std::function<void()> tick) {
    period_ = period;
    tick_ = std::move(tick);
    arm();
  }
  void cancel() { timer_.cancel(); }

 private:
  void arm() {
    timer_.expires_after(period_);
    timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;  // cancelled
      tick_();
      arm();
    });
  }

  boost::asio::steady_timer timer_;
  std::chrono::steady_clock::duration period_{};
  std::function<void()> tick_;
};

}  // namespace chairhub
