#pragma once
// `chairhub replay LOG --mqtt`: a recorded log published as if live, so anyone can try the
// Home Assistant dashboard without hardware. Same analysis path as the plain replay; every
// event it prints is published on the event topic (nothing is dropped: the outbox is unbounded
// here, and the call waits until the broker has acknowledged every event).
#include <chrono>
#include <string>
#include <utility>

#include "config/config.hpp"
#include "mqtt/config.hpp"
#include "core/log.hpp"
#include "replay/replay.hpp"

namespace chairhub::mqtt {

struct MqttReplayOptions {
  std::string broker;  // "HOST:PORT" or "HOST" (--broker); empty: the config's [mqtt] host and port
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds drain_timeout{30000};
  Logger logger;       // default: stderr
};

// Throws InputError when the broker cannot be reached in time or the events cannot all be
// delivered; `also` (e.g. the stdout sink) gets every event too. `mqtt` is the config's [mqtt]
// (published to even when it says enabled = false).
ReplayStats replay_to_mqtt(const std::string& log, const Config& config, const MqttConfig& mqtt,
                           const ReplayOptions& replay, const MqttReplayOptions& options, EventSink* also = nullptr);

// "host:port", "host", "[v6addr]:port"; throws InputError("--broker", ...).
std::pair<std::string, int> parse_broker(const std::string& text, int default_port);

}  // namespace chairhub::mqtt
