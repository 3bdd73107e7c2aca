#pragma once
// The chair's memory: what happened, one row per change (never per sample), in an SQLite file
// in the state folder. Two tables:
//   intervals(kind, start, end, name, detail, value)  sittings, sessions, postures, breaks, faults
//   moments(kind, t, name)                             nudges, breaks due
// Times are wall-clock seconds since the epoch. WAL with synchronous=FULL: a row written is on
// the disk, so a power cut loses nothing written (writes are a few a minute). A damaged file is
// set aside (FILE.damaged) with a message, and a fresh one is started.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/log.hpp"

struct sqlite3;

namespace chairhub {

enum class IntervalKind { sitting, session, posture, break_, fault };
enum class MomentKind { nudge, break_due };
std::string_view to_string(IntervalKind kind);
std::string_view to_string(MomentKind kind);

struct HistoryOptions {
  std::filesystem::path file;
  double retention_days = 90;                    // older rows are deleted
  std::uint64_t max_bytes = std::uint64_t{64} << 20;  // beyond it the oldest rows go first
  bool read_only = false;  // reports: nothing changed, a damaged file an error rather than set aside
};

struct Interval {
  IntervalKind kind;
  double start = 0;
  double end = 0;  // an interval still open ends at the last time the history knows
  std::string name;    // posture: its name; fault: the channel
  std::string detail;  // fault: its kind
  double value = 0;    // session: seconds seated in it
};

struct Moment {
  MomentKind kind;
  double t = 0;
  std::string name;  // nudge: its reason
};

class HistoryDb {
 public:
  // Opens or creates the file. Throws std::runtime_error naming the file when it can be neither
  // opened nor made afresh; a damaged one is set aside and said through `log`.
  HistoryDb(HistoryOptions options, Logger log);
  ~HistoryDb();
  HistoryDb(const HistoryDb&) = delete;
  HistoryDb& operator=(const HistoryDb&) = delete;

  // Writing.
  void open_interval(IntervalKind kind, double start, std::string_view name = {}, std::string_view detail = {});
  // Ends the open intervals of `kind` (only those named `name` when given) at `end`.
  void close_interval(IntervalKind kind, double end, std::optional<std::string_view> name = {},
                      std::optional<double> value = {});
  void add_interval(IntervalKind kind, double start, double end);
  void add_moment(MomentKind kind, double t, std::string_view name = {});
  bool has_open(IntervalKind kind) const;
  // Deletes what is older than the retention before `now`, then the oldest rows while the file
  // is larger than allowed.
  void prune(double now);

  // Reading: what overlaps [from, to), open intervals ending at last_time().
  std::vector<Interval> intervals(double from, double to) const;
  std::vector<Moment> moments(double from, double to) const;
  // The latest time in the history (0 when empty).
  double last_time() const;

  const std::filesystem::path& file() const { return options_.file; }

 private:
  void open_or_start_afresh();
  void set_aside(const std::string& why);
  void exec(const char* sql) const;
  std::uint64_t size_bytes() const;

  HistoryOptions options_;
  Logger log_;
  sqlite3* db_ = nullptr;
};

}  // namespace chairhub
