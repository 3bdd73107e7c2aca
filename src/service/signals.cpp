#include "service/signals.hpp"

#include <csignal>

namespace chairhub {

Signals::Signals(boost::asio::io_context& io, std::function<void()> reload, std::function<void()> stop)
    : set_(io, SIGHUP, SIGTERM, SIGINT), reload_(std::move(reload)), stop_(std::move(stop)) {}

void Signals::wait() {
  set_.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    if (signal == SIGHUP) {
      reload_();
      wait();
    } else {
      stop_();
    }
  });
}

}  // namespace chairhub
