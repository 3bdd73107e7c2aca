#pragma once
// The signals chairhubd answers, on its event loop: SIGHUP reloads the config (and is waited
// for again), SIGTERM and SIGINT stop it.
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <functional>

namespace chairhub {

class Signals {
 public:
  Signals(boost::asio::io_context& io, std::function<void()> reload, std::function<void()> stop);
  void wait();
  void cancel() { set_.cancel(); }

 private:
  boost::asio::signal_set set_;
  std::function<void()> reload_;
  std::function<void()> stop_;
};

}  // namespace chairhub
