#include "service/daemon_history.hpp"

#include <exception>

#include "core/pacing.hpp"

namespace chairhub {
DaemonHistory::DaemonHistory(const HistoryConfig& config, const std::filesystem::path& state_dir, bool real_time,
                             const LiveAnalysis& analysis, const Journal& journal) {
  if (!config.enabled) return;
  HistoryOptions options;
  options.file = state_dir / "history.sqlite";
  options.retention_days = config.retention_days;
  options.max_bytes = static_cast<std::uint64_t>(config.max_mb * 1024 * 1024);
  try {
    db_.emplace(options, journal.logger());
  } catch (const std::exception& e) {
    journal(LogLevel::warning, std::string(e.what()) + "; running without a history");
    return;
  }
  HistorySink::ToWall to_wall;
  if (real_time) {
    // Per event, so that a wall clock set late (a Pi without a battery clock) is right from then on.
    to_wall = [](double t) { return wall_seconds() - (monotonic_seconds() - t); };
  } else {
    to_wall = [this, &analysis](double t) {
      if (!origin_) origin_ = wall_seconds() - analysis.last_t();
      return *origin_ + t;
    };
  }
  sink_.emplace(*db_, std::move(to_wall), journal.logger());
}

}  // namespace chairhub
