#pragma once
// Messages from the broker on their way to the io_context thread, which also handles the
// samples and pings systemd's watchdog. The network thread fills a bounded queue; the io_context
// takes one message at a time at a limited rate, other work in between, so a flood of commands
// can neither grow memory without bound nor hold up the samples and the watchdog.
#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

namespace chairhub::mqtt {

struct InboundMessage {
  std::string topic;
  std::string payload;  // at most kMaxKeptBytes of it
  bool retained = false;
};

class Inbox {
 public:
  using Clock = std::chrono::steady_clock;
  struct Limits {
    std::size_t capacity = 128;  // messages waiting; more are dropped
    double per_second = 20;      // taken at this rate on average...
    double burst = 40;           // ...after a burst of this many
  };
  // Of a larger payload only this much is kept: no command is near it, and the rest is not needed
  // to say it is too large.
  static constexpr std::size_t kMaxKeptBytes = std::size_t{64} * 1024;

  explicit Inbox(const Limits& limits) : limits_(limits), tokens_(limits.burst) {}

  // Network thread. False when the queue is full: the message is dropped and counted.
  bool push(std::string topic, const char* payload, std::size_t size, bool retained);
  // io_context thread. The next message when its turn has come at `now`; otherwise nothing,
  // with `wait` set to the time until it comes (zero when the queue is empty).
  std::optional<InboundMessage> pop(Clock::time_point now, Clock::duration& wait);
  bool empty() const;
  // Messages dropped since the last call.
  std::size_t take_dropped();

 private:
  Limits limits_;
  mutable std::mutex mutex_;
  std::deque<InboundMessage> queue_;
  std::size_t dropped_ = 0;
  double tokens_;
  std::optional<Clock::time_point> refilled_;
};

}  // namespace chairhub::mqtt
