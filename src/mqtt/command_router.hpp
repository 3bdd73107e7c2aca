#pragma once
// Incoming messages on `set` and `request/<op>`: validated, handed to the application, answered
// on `response/<op>` (`response/set` for `set`). A bad command is answered and logged, and
// nothing else happens.
#include <functional>
#include <set>
#include <string>

#include "mqtt/commands.hpp"
#include "mqtt/link.hpp"
#include "core/log.hpp"
#include "mqtt/topics.hpp"

namespace chairhub::mqtt {

// The application's side. Runs on the io_context thread; may refuse with an error.
using CommandHandler = std::function<CommandOutcome(const Command&)>;

class CommandRouter {
 public:
  CommandRouter(Link& link, const Topics& topics, CommandHandler handler, Logger logger);

  // False if the topic is not a command topic of this chair. A retained command is ignored
  // and not answered: it was stored by the broker for whoever connects next, so running it
  // would repeat it at every reconnect.
  bool handle(const std::string& topic, const std::string& payload, bool retained = false);

 private:
  void answer(const std::string& response_op, const ParsedCommand& parsed);
  void ignore_retained(const std::string& topic);

  Link& link_;
  const Topics& topics_;
  CommandHandler handler_;
  Logger log_;
  std::set<std::string> warned_retained_;  // topics already logged, so a stored command warns once
};

}  // namespace chairhub::mqtt
