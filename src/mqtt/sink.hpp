#pragma once
// Events to the `event` topic, at QoS 1, through the outbox: an event leaves the outbox only
// when the broker has acknowledged it, so nothing is lost while the broker is away, and order is
// kept (at most `window` in flight; after a reconnect the ones libmosquitto resends go first).
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "events/event.hpp"
#include "mqtt/iso_time.hpp"
#include "mqtt/link.hpp"
#include "core/log.hpp"
#include "mqtt/outbox.hpp"

namespace chairhub::mqtt {

class MqttSink : public EventSink {
 public:
  struct Options {
    std::string topic;
    std::size_t window = 10;  // unacknowledged events on the wire at once
    // If the messages in flight at a disconnect are not acknowledged this long after the
    // reconnect, send them again ourselves (at-least-once: a duplicate beats a stall).
    std::chrono::milliseconds resend_after{5000};
  };

  MqttSink(boost::asio::io_context& io, Link& link, Outbox& outbox, Options options, WallClock clock, Logger logger);

  void on_event(const Event& event) override;

  void connected();
  void disconnected();
  void acked(int mid);

  // No event waiting for the broker.
  bool idle() const { return outbox_.empty(); }

 private:
  void flush();

  Link& link_;
  Outbox& outbox_;
  Options options_;
  WallClock clock_;
  Logger log_;
  boost::asio::steady_timer resend_timer_;
  std::map<int, std::uint64_t> in_flight_;  // mid -> outbox seq
  std::uint64_t next_seq_ = 0;              // entries from this seq on are not handed over yet
  bool draining_ = false;                   // reconnected with messages still in flight
};

}  // namespace chairhub::mqtt
