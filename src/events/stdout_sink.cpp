#include "events/stdout_sink.hpp"

namespace chairhub {

void JsonLinesSink::on_event(const Event& event) {
  const std::string line = event.to_json().dump();
  std::fputs(line.c_str(), out_);
  std::fputc('\n', out_);
  std::fflush(out_);
}

}  // namespace chairhub
