#pragma once
// One error type for every kind of bad outside input (logs, config, scenarios, commands):
// the message always says where the problem is, as "place:line: what".
#include <stdexcept>
#include <string>

namespace chairhub {

class InputError : public std::runtime_error {
 public:
  InputError(const std::string& place, std::size_t line, const std::string& what)
      : std::runtime_error(line > 0 ? place + ":" + std::to_string(line) + ": " + what
                                    : place + ": " + what) {}
};

}  // namespace chairhub
