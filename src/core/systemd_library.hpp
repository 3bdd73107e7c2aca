#pragma once
// libsystemd, loaded on first use instead of linked, as libmosquitto is: only chairhubd (its
// notifications) and the MQTT chair id need it, and linked it maps itself and the compression
// and crypto libraries it brings (0.8 MB) into every command, a plain replay too.
#include <systemd/sd-daemon.h>
#include <systemd/sd-id128.h>

namespace chairhub {

// The functions chairhub calls, by their names without the `sd_` prefix.
struct SystemdLibrary {
  decltype(&::sd_notify) notify;
  decltype(&::sd_watchdog_enabled) watchdog_enabled;
  decltype(&::sd_id128_get_machine_app_specific) id128_get_machine_app_specific;
  decltype(&::sd_id128_to_string) id128_to_string;
};

// Loads the library on the first call (safe from any thread); throws std::runtime_error naming
// it when it is missing or lacks a function.
const SystemdLibrary& systemd_library();

}  // namespace chairhub
