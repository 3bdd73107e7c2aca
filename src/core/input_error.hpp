#pragma once
// One error type for every kind of bad outside input (logs, config, scenarios, commands):
// the message always says where the problem is, as "place:line: what". A file read as a whole
// (a config, a scenario) reports every problem it has at once, one "file:line: key: what" each.
#include <stdexcept>
#include <string>
#include <vector>

namespace chairhub {

class InputError : public std::runtime_error {
 public:
  InputError(const std::string& place, std::size_t line, const std::string& what)
      : InputError(std::vector<std::string>{line > 0 ? place + ":" + std::to_string(line) + ": " + what
                                                     : place + ": " + what}) {}
  // Several problems of one input; what() is all of them, one a line.
  explicit InputError(std::vector<std::string> problems)
      : std::runtime_error(join(problems)), problems_(std::move(problems)) {}

  const std::vector<std::string>& problems() const { return problems_; }

 private:
  static std::string join(const std::vector<std::string>& problems) {
    std::string all;
    for (const auto& p : problems) all += (all.empty() ? "" : "\n") + p;
    return all;
  }
  std::vector<std::string> problems_;
};

// A bad configuration: every problem of the config and of the files it names. chairhubd and
// the commands exit with kExitConfig on it.
class ConfigError : public InputError {
 public:
  explicit ConfigError(std::vector<std::string> problems) : InputError(std::move(problems)) {}
};

}  // namespace chairhub
