#include "history/history_sink.hpp"

#include <exception>
#include <string>
#include <utility>
#include <variant>

namespace chairhub {

HistorySink::HistorySink(HistoryDb& db, ToWall to_wall, Logger log)
    : db_(db), to_wall_(std::move(to_wall)), log_(or_silent(std::move(log))), thread_([this] { run(); }) {}

HistorySink::~HistorySink() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void HistorySink::on_event(const Event& event) {
  const double wall = to_wall_(event.t);
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= kMaxQueued) {
      if (!std::exchange(said_full_, true))
        log_(LogLevel::warning, db_.file().string() + ": the history cannot keep up; events are left out of it");
      return;
    }
    queue_.emplace_back(event, wall);
  }
  wake_.notify_one();
}

void HistorySink::flush() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return queue_.empty() && !writing_; });
}

void HistorySink::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and all written
    auto [event, wall] = std::move(queue_.front());
    queue_.pop_front();
    writing_ = true;
    lock.unlock();
    try {
      write(event, wall);
    } catch (const std::exception& e) {
      log_(LogLevel::warning, db_.file().string() + ": cannot write to the history: " + e.what());
    }
    lock.lock();
    writing_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
}

void HistorySink::write(const Event& event, double wall) {
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, Seated>) {
          db_.close_interval(IntervalKind::sitting, wall);
          db_.open_interval(IntervalKind::sitting, wall);
          if (!db_.has_open(IntervalKind::session)) db_.open_interval(IntervalKind::session, wall);
        } else if constexpr (std::is_same_v<T, StoodUp>) {
          db_.close_interval(IntervalKind::sitting, wall);
          db_.close_interval(IntervalKind::posture, wall);
        } else if constexpr (std::is_same_v<T, PostureChange>) {
          db_.close_interval(IntervalKind::posture, wall);
          db_.open_interval(IntervalKind::posture, wall, to_string(e.posture));
        } else if constexpr (std::is_same_v<T, BreakDue>) {
          db_.add_moment(MomentKind::break_due, wall);
        } else if constexpr (std::is_same_v<T, BreakTaken>) {
          const double left = wall - e.away_s;
          db_.close_interval(IntervalKind::session, left, std::nullopt, e.sitting_s);
          db_.add_interval(IntervalKind::break_, left, wall);
        } else if constexpr (std::is_same_v<T, Nudge>) {
          db_.add_moment(MomentKind::nudge, wall, to_string(e.reason));
        } else if constexpr (std::is_same_v<T, SensorFault>) {
          db_.close_interval(IntervalKind::fault, wall, e.channel);
          db_.open_interval(IntervalKind::fault, wall, e.channel, to_string(e.fault));
        } else if constexpr (std::is_same_v<T, SensorOk>) {
          db_.close_interval(IntervalKind::fault, wall, e.channel);
        }
      },
      event.data);
  if (wall >= next_prune_) {  // once a day of the events' time, so a replay prunes as a live chair does
    db_.prune(wall);
    next_prune_ = wall + 86400;
  }
}

}  // namespace chairhub
