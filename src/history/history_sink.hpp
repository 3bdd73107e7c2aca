#pragma once
// Events into the history (history_db.hpp), on a thread of its own so that a slow SD card never
// holds up the analysis: on_event only queues. Sessions run from the first `seated` after a break
// to the next `break_taken`; sittings from `seated` to `stood_up`; a posture until the next one or
// `stood_up`; a fault until its channel's `sensor_ok`.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "events/event.hpp"
#include "history/history_db.hpp"

namespace chairhub {

class HistorySink : public EventSink {
 public:
  // The events' time (the samples' clock) to wall-clock seconds since the epoch.
  using ToWall = std::function<double(double t)>;

  HistorySink(HistoryDb& db, ToWall to_wall, Logger log);
  // Writes what is still queued, then stops the thread.
  ~HistorySink() override;
  HistorySink(const HistorySink&) = delete;
  HistorySink& operator=(const HistorySink&) = delete;

  void on_event(const Event& event) override;
  // Waits until every event queued so far is written (tests, the end of a replay).
  void flush();

  // Events waiting beyond this are dropped (and said once): the history is worth less than the
  // memory of a Pi whose disk has stopped answering.
  static constexpr std::size_t kMaxQueued = 10000;

 private:
  void run();
  void write(const Event& event, double wall);

  HistoryDb& db_;
  ToWall to_wall_;
  Logger log_;
  std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::deque<std::pair<Event, double>> queue_;
  bool stopping_ = false;
  bool writing_ = false;
  bool said_full_ = false;
  double next_prune_ = 0;
  std::thread thread_;
};

}  // namespace chairhub
