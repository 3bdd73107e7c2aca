#pragma once
// ISO-8601 UTC timestamps for payloads, from a wall-clock value the caller supplies (so tests
// and replays control time).
#include <chrono>
#include <functional>
#include <string>

namespace chairhub::mqtt {

using WallTime = std::chrono::system_clock::time_point;
using WallClock = std::function<WallTime()>;

// "2026-11-21T19:27:46.123Z": millisecond precision, always UTC.
std::string iso8601_utc(WallTime time);

WallClock system_wall_clock();

}  // namespace chairhub::mqtt
