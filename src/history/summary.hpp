#pragma once
// A day (or a week of days) of the history in the figures a person reads at a glance: time
// seated, the longest stretch without a break, breaks taken against breaks due, the share of
// each posture, the nudges; with the day's intervals for its timeline picture (report.hpp).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/pacing.hpp"
#include "history/history_db.hpp"

namespace chairhub {

struct DaySummary {
  std::string date;            // "YYYY-MM-DD", local time
  double start = 0, end = 0;   // the day's bounds (wall seconds)
  double seated_s = 0;
  double longest_stretch_s = 0;  // the longest session (sitting from one break to the next)
  int breaks_taken = 0;
  int breaks_due = 0;
  std::map<std::string, double> posture_s;  // seconds in each posture
  std::map<std::string, int> nudges;        // by reason
  std::vector<Interval> intervals;          // clipped to the day
  std::vector<Moment> moments;
};

// Local time "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" (a space for the T too), or UTC
// "YYYY-MM-DDTHH:MM:SSZ", to wall seconds.
std::optional<double> parse_local_time(std::string_view text);

// Throws InputError for a date that is not "YYYY-MM-DD".
DaySummary summarize_day(const HistoryDb& db, const std::string& date);
// The seven days that end with `last_date`, oldest first.
std::vector<DaySummary> summarize_week(const HistoryDb& db, const std::string& last_date);

}  // namespace chairhub
