#pragma once
// Whether a host takes a TCP connection on a port, tried as libmosquitto will (each of its
// addresses in turn) but without blocking: every try looks at `stop` each 200 ms and all of them
// give up after `limit`. libmosquitto's own connect blocks until the kernel gives up (minutes, for
// a host that drops the handshake), so the connection runs it only once the host has answered,
// and a planned stop is never held up.
#include <atomic>
#include <chrono>
#include <optional>
#include <string>

namespace chairhub::mqtt {

// Nothing when the host answered; otherwise why not, in plain words.
std::optional<std::string> tcp_unreachable(const std::string& host, int port, std::chrono::seconds limit,
                                           const std::atomic<bool>& stop);

}  // namespace chairhub::mqtt
