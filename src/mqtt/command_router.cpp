#include "mqtt/command_router.hpp"

#include <cctype>
#include <exception>

namespace chairhub::mqtt {

namespace {

// Only short plain names get a response topic of their own; anything else is just logged, so a
// hostile request cannot make us publish on arbitrary topics.
bool answerable_op(const std::string& op) {
  if (op.empty() || op.size() > 32) return false;
  for (char c : op) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace

CommandRouter::CommandRouter(Link& link, const Topics& topics, CommandHandler handler, Logger logger)
    : link_(link), topics_(topics), handler_(std::move(handler)), log_(or_silent(std::move(logger))) {}

bool CommandRouter::handle(const std::string& topic, const std::string& payload, bool retained) {
  std::string response_op;
  ParsedCommand parsed;
  if (topic == topics_.set()) {
    response_op = "set";
    parsed = parse_set_payload(payload);
  } else if (auto op = topics_.request_op(topic); !op.empty()) {
    parsed = parse_request(op, payload);
    if (answerable_op(op)) response_op = op;
  } else {
    return false;
  }
  if (retained) {
    ignore_retained(topic);
    return true;
  }
  if (parsed.command) {
    CommandOutcome outcome;
    try {
      outcome = handler_ ? handler_(*parsed.command) : CommandOutcome{false, "commands are not available"};
    } catch (const std::exception& e) {
      outcome = {false, e.what()};
    }
    if (!outcome.ok) parsed.error = outcome.error;
    if (!outcome.ok) parsed.command.reset();
    else log_(LogLevel::info, "command " + std::string(command_name(*parsed.command)) + " done");
  }
  if (!parsed.command) log_(LogLevel::warning, "command on " + topic + " rejected: " + parsed.error);
  answer(response_op, parsed);
  return true;
}

void CommandRouter::ignore_retained(const std::string& topic) {
  // bounded: a hostile client could leave stored messages on many request/<op> topics
  constexpr std::size_t max_remembered = 64;
  if (warned_retained_.size() >= max_remembered || !warned_retained_.insert(topic).second) return;
  log_(LogLevel::warning, "retained command on " + topic +
                              " ignored: commands must be sent without the retain flag (clear it with an empty retained message)");
}

void CommandRouter::answer(const std::string& response_op, const ParsedCommand& parsed) {
  if (response_op.empty()) return;
  const auto body = response_payload(parsed, CommandOutcome{});
  link_.publish(topics_.response(response_op), body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
                1, false);
}

}  // namespace chairhub::mqtt
