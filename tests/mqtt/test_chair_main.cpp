// A minimal chair process for the broker tests: connects, queues COUNT numbered events
// (n = FIRST...), prints "queued", and runs until SIGTERM (clean stop) or SIGKILL.
//   mqtt_test_chair PORT CHAIR_ID STATE_DIR FIRST COUNT
#include <utility>
#include <boost/asio/signal_set.hpp>

#include <cstdio>
#include <exception>
#include <string>

#include "mqtt/service.hpp"

int main(int argc, char** argv) try {
  using namespace chairhub;
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s PORT CHAIR_ID STATE_DIR FIRST COUNT\n", argv[0]);
    return 2;
  }
  mqtt::MqttConfig config;
  config.enabled = true;
  config.host = "127.0.0.1";
  config.port = std::stoi(argv[1]);
  config.chair_id = argv[2];
  config.reconnect_min_s = 1;
  config.reconnect_max_s = 1;
  mqtt::ServiceOptions options;
  options.state_dir = argv[3];
  boost::asio::io_context io;
  mqtt::MqttService service(io, config, options);
  service.start();
  const int first = std::stoi(argv[4]);
  const int count = std::stoi(argv[5]);
  for (int n = first; n < first + count; ++n) service.events().on_event({static_cast<double>(n), Seated{}});
  ChairState state;
  state.occupied = true;
  service.publish_state(state);
  std::printf("queued\n");
  std::fflush(stdout);
  boost::asio::signal_set signals(io, SIGTERM, SIGINT);
  signals.async_wait([&](const boost::system::error_code&, int) {
    service.stop();
    io.stop();
  });
  io.run();
  return 0;
} catch (const std::exception& e) {  // a bad argument or option: say so rather than abort
  std::fprintf(stderr, "mqtt_test_chair: %s\n", e.what());
  return 2;
}
