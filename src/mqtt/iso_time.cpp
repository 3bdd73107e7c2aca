#include "mqtt/iso_time.hpp"

#include <cstdio>
#include <ctime>

namespace chairhub::mqtt {

std::string iso8601_utc(WallTime time) {
  using namespace std::chrono;
  const auto ms_total = floor<milliseconds>(time.time_since_epoch()).count();
  // floor division so times before 1970 still format correctly
  long long secs = ms_total / 1000;
  long long ms = ms_total % 1000;
  if (ms < 0) {
    ms += 1000;
    secs -= 1;
  }
  const std::time_t tt = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

WallClock system_wall_clock() {
  return [] { return std::chrono::system_clock::now(); };
}

}  // namespace chairhub::mqtt
