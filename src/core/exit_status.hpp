#pragma once
// The exit statuses of chairhub and chairhubd, as systemd and sysexits(3) know them.
namespace chairhub {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // bad input other than the config, a device or I/O failure
constexpr int kExitConfig = 78;  // EX_CONFIG: a bad config; systemd does not restart on it (the unit says so)

}  // namespace chairhub
