#pragma once
// The exit statuses of chairhub and chairhubd, as systemd and sysexits(3) know them.
namespace chairhub {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // bad input other than the config, a device or I/O failure
constexpr int kExitUsage = 64;   // EX_USAGE: the command line itself is wrong (unknown command or option, bad value)
constexpr int kExitConfig = 78;  // EX_CONFIG: a bad config; systemd does not restart on it (the unit says so)

}  // namespace chairhub
