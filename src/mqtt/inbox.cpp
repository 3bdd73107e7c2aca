#include "mqtt/inbox.hpp"

#include <algorithm>
#include <utility>

namespace chairhub::mqtt {

bool Inbox::push(std::string topic, const char* payload, std::size_t size, bool retained) {
  std::lock_guard lock(mutex_);
  if (queue_.size() >= limits_.capacity) {
    ++dropped_;
    return false;
  }
  const std::size_t kept = std::min(size, kMaxKeptBytes);
  queue_.push_back({std::move(topic), std::string(payload == nullptr ? "" : payload, payload == nullptr ? 0 : kept),
                    retained});
  return true;
}

std::optional<InboundMessage> Inbox::pop(Clock::time_point now, Clock::duration& wait) {
  std::lock_guard lock(mutex_);
  wait = Clock::duration::zero();
  if (queue_.empty()) return std::nullopt;
  if (refilled_) {
    const std::chrono::duration<double> passed = now - *refilled_;
    tokens_ = std::min(limits_.burst, tokens_ + std::max(0.0, passed.count()) * limits_.per_second);
  }
  refilled_ = now;
  if (tokens_ < 1) {
    wait = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>((1 - tokens_) / limits_.per_second));
    return std::nullopt;
  }
  tokens_ -= 1;
  InboundMessage m = std::move(queue_.front());
  queue_.pop_front();
  return m;
}

bool Inbox::empty() const {
  std::lock_guard lock(mutex_);
  return queue_.empty();
}

std::size_t Inbox::take_dropped() {
  std::lock_guard lock(mutex_);
  return std::exchange(dropped_, 0);
}

}  // namespace chairhub::mqtt
