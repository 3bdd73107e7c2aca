#pragma once
// chairhubd's history (history/): history.sqlite in the state folder, filled from the events
// while [history] enabled is on. Never fatal: a history that cannot be opened is said once and
// the daemon runs without it.
#include <filesystem>
#include <memory>
#include <optional>

#include "history/history_config.hpp"
#include "history/history_sink.hpp"
#include "service/journal.hpp"
#include "service/live_analysis.hpp"

namespace chairhub {

class DaemonHistory {
 public:
  // `real_time`: the samples' clock is the monotonic clock (the sensors), so an event's wall time
  // is the clock's now less the sample's age; otherwise (a simulated chair, a log played faster)
  // the samples' own time base counts from the first event.
  DaemonHistory(const HistoryConfig& config, const std::filesystem::path& state_dir, bool real_time,
                const LiveAnalysis& analysis, const Journal& journal);

  // Nothing when the history is off or could not be opened.
  EventSink* sink() { return sink_ ? &*sink_ : nullptr; }

 private:
  std::optional<HistoryDb> db_;
  std::optional<HistorySink> sink_;
  std::optional<double> origin_;  // wall time of t = 0 when not real time
};

}  // namespace chairhub
