#include "mqtt/sink.hpp"

#include <algorithm>

#include "mqtt/payloads.hpp"

namespace chairhub::mqtt {

MqttSink::MqttSink(boost::asio::io_context& io, Link& link, Outbox& outbox, Options options, WallClock clock,
                   Logger logger)
    : link_(link),
      outbox_(outbox),
      options_(std::move(options)),
      clock_(clock ? std::move(clock) : system_wall_clock()),
      log_(or_silent(std::move(logger))),
      resend_timer_(io) {
  if (options_.window == 0) options_.window = 1;
}

void MqttSink::on_event(const Event& event) {
  // stamped now, when it happened, not when the broker finally gets it
  outbox_.push(event_payload(event, clock_()).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  flush();
}

void MqttSink::connected() {
  if (const auto dropped = outbox_.take_dropped_count(); dropped > 0) {
    log_(LogLevel::warning, std::to_string(dropped) +
                                " event(s) were lost while the broker was unreachable: the outbox was full "
                                "(raise mqtt.outbox_size to keep more)");
  }
  if (draining_) {
    resend_timer_.expires_after(options_.resend_after);
    resend_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec || !draining_ || in_flight_.empty()) return;
      log_(LogLevel::notice, "resending " + std::to_string(in_flight_.size()) + " unacknowledged event(s)");
      next_seq_ = std::min_element(in_flight_.begin(), in_flight_.end(), [](const auto& a, const auto& b) {
                    return a.second < b.second;
                  })->second;
      in_flight_.clear();
      draining_ = false;
      flush();
    });
  }
  flush();
}

void MqttSink::disconnected() {
  resend_timer_.cancel();
  draining_ = !in_flight_.empty();
}

void MqttSink::acked(int mid) {
  auto it = in_flight_.find(mid);
  if (it == in_flight_.end()) return;  // a state or discovery publish, not ours
  outbox_.ack(it->second);
  in_flight_.erase(it);
  if (draining_ && in_flight_.empty()) {
    draining_ = false;
    resend_timer_.cancel();
  }
  flush();
}

void MqttSink::flush() {
  if (!link_.connected() || draining_) return;
  const auto& entries = outbox_.entries();
  auto it = std::lower_bound(entries.begin(), entries.end(), next_seq_,
                             [](const Outbox::Entry& e, std::uint64_t seq) { return e.seq < seq; });
  for (; it != entries.end() && in_flight_.size() < options_.window; ++it) {
    const auto seq = it->seq;
    auto mid = link_.publish(options_.topic, it->payload, 1, false);
    next_seq_ = seq + 1;
    if (!mid) {
      // libmosquitto refused the message itself (e.g. too large): it never will take it
      log_(LogLevel::error, "event dropped, the client library refused it: " + it->payload.substr(0, 200));
      outbox_.ack(seq);
      return flush();  // `entries` changed under the iterator
    }
    in_flight_[*mid] = seq;
  }
}

}  // namespace chairhub::mqtt
