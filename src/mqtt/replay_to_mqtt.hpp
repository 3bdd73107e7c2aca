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

// What a replay answers every command with (on response/<op>, status "error").
inline constexpr const char* kReplayCommandAnswer = "this chair is a replay of a recorded log: it takes no commands";

struct MqttReplayOptions {
  std::string broker;  // "HOST:PORT" or "HOST" (--broker); empty: the config's [mqtt] host and port
  // The chair id to publish as (--chair-id). Empty: replay_chair_id() of the config's, so a
  // replay never takes over a live chair's topics, retained state or Home Assistant device.
  std::string chair_id;
  SampleObserver observe;  // called after each sample too (e.g. a progress line)
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds drain_timeout{30000};
  Logger logger;       // default: stderr
};

// The replay connects with a client id of its own (never the daemon's: the broker would drop
// one of the two sessions) and says on the logger which chair id it publishes as. Commands get
// kReplayCommandAnswer. Throws InputError when the broker cannot be reached in time or the
// events cannot all be delivered; `also` (e.g. the stdout sink) gets every event too. `mqtt` is the config's [mqtt]
// (published to even when it says enabled = false).
ReplayStats replay_to_mqtt(const std::string& log, const Config& config, const MqttConfig& mqtt,
                           const ReplayOptions& replay, const MqttReplayOptions& options, EventSink* also = nullptr);

// "<live chair id>-replay" (shortened to fit the 64 characters of an id).
std::string replay_chair_id(const std::string& live_chair_id);

// "host:port", "host", "[v6addr]:port"; throws InputError("--broker", ...).
std::pair<std::string, int> parse_broker(const std::string& text, int default_port);

}  // namespace chairhub::mqtt
