// Command payloads from the broker (mqtt/commands.hpp) from any bytes. A first line holding
// "request/<op>" makes it a request on that topic with the rest as payload; otherwise the whole
// input is a payload on the set topic. Commands answer errors, they never throw, and the
// response is serialised as the command router does.
#include <cstdlib>

#include "fuzz_input.hpp"
#include "mqtt/commands.hpp"
#include "mqtt/topics.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chairhub::mqtt;
  static const Topics topics("chairhub", "chair", "homeassistant");
  const std::string_view text = chairhub::fuzz::as_text(data, size);
  ParsedCommand parsed;
  const auto newline = text.find('\n');
  if (text.starts_with("request/") && newline != std::string_view::npos) {
    const std::string op = topics.request_op(topics.base() + "/" + std::string(text.substr(0, newline)));
    if (op.empty()) return 0;  // not a request topic: the router leaves it alone
    parsed = parse_request(op, text.substr(newline + 1));
  } else {
    parsed = parse_set_payload(text);
  }
  if (parsed.command.has_value() == !parsed.error.empty()) std::abort();  // one or the other
  (void)response_payload(parsed, CommandOutcome{})
      .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return 0;
}
