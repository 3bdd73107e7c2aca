#include "events/stdout_sink.hpp"

#include "events/event_json.hpp"

namespace chairhub {

void JsonLinesSink::on_event(const Event& event) {
  const std::string line = to_json(event).dump();
  std::fputs(line.c_str(), out_);
  std::fputc('\n', out_);
  std::fflush(out_);
}

}  // namespace chairhub
