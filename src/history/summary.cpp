#include "history/summary.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "core/input_error.hpp"

namespace chairhub {
namespace {

// Local midnight of the day `days` after the one that starts at `midnight`; mktime sorts out
// months, years and daylight saving.
double next_midnight(double midnight, int days) {
  const auto t = static_cast<std::time_t>(midnight);
  std::tm tm{};
  localtime_r(&t, &tm);
  tm.tm_mday += days;
  tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
  tm.tm_isdst = -1;
  return static_cast<double>(std::mktime(&tm));
}

}  // namespace

std::optional<double> parse_local_time(std::string_view text) {
  const bool utc = text.size() == 20 && text.back() == 'Z';  // as `chairhub record` writes its start
  if (utc) text.remove_suffix(1);
  if (text.size() > 19) return std::nullopt;
  const std::string s(text);
  std::tm tm{};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  char sep = 0;
  const int n = std::sscanf(s.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &d, &sep, &h, &mi, &sec);
  const bool date_only = n == 3 && s.size() == 10;
  const bool with_time = ((n == 6 && s.size() == 16) || (n == 7 && s.size() == 19)) && (sep == 'T' || sep == ' ');
  if (!date_only && !with_time) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return std::nullopt;
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  tm.tm_isdst = -1;
  if (utc && !with_time) return std::nullopt;
  const std::time_t t = utc ? timegm(&tm) : std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1) || tm.tm_mday != d) return std::nullopt;  // 31 February
  return static_cast<double>(t);
}

DaySummary summarize_day(const HistoryDb& db, const std::string& date) {
  const auto start = parse_local_time(date);
  if (!start || date.size() != 10) throw InputError("--day", 0, "expected a date as YYYY-MM-DD, not \"" + date + "\"");
  DaySummary day;
  day.date = date;
  day.start = *start;
  day.end = next_midnight(*start, 1);
  for (Interval i : db.intervals(day.start, day.end)) {
    i.start = std::max(i.start, day.start);
    i.end = std::min(i.end, day.end);
    const double length = i.end - i.start;
    switch (i.kind) {
      case IntervalKind::sitting: day.seated_s += length; break;
      case IntervalKind::session: day.longest_stretch_s = std::max(day.longest_stretch_s, length); break;
      case IntervalKind::posture: day.posture_s[i.name] += length; break;
      case IntervalKind::break_: day.breaks_taken += 1; break;
      case IntervalKind::fault: break;
    }
    day.intervals.push_back(std::move(i));
  }
  day.moments = db.moments(day.start, day.end);
  for (const Moment& m : day.moments) {
    if (m.kind == MomentKind::break_due) day.breaks_due += 1;
    if (m.kind == MomentKind::nudge) day.nudges[m.name] += 1;
  }
  return day;
}

std::vector<DaySummary> summarize_week(const HistoryDb& db, const std::string& last_date) {
  const auto last = parse_local_time(last_date);
  if (!last || last_date.size() != 10)
    throw InputError("--week", 0, "expected a date as YYYY-MM-DD, not \"" + last_date + "\"");
  std::vector<DaySummary> week;
  for (int back = 6; back >= 0; --back) week.push_back(summarize_day(db, local_date(next_midnight(*last, -back))));
  return week;
}

}  // namespace chairhub
