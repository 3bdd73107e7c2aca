#pragma once
// Commands from the network, parsed and validated into typed values before anything acts on
// them. Everything outside input can get wrong is answered with an error message, never thrown.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace chairhub::mqtt {

struct TareCommand {};
struct SnoozeCommand {
  int minutes = 0;
};
struct NudgesCommand {
  bool on = true;
};
struct BaselineCommand {
  std::optional<double> seconds;  // how long to average; none = the application's default
};
struct ResetSessionCommand {};
// The guided posture calibration (docs/mqtt.md), or with `cancel` the end of the one under way.
struct CalibratePosturesCommand {
  std::optional<double> hold_s;  // seconds each posture is held; none = the application's default
  bool cancel = false;
  std::optional<std::string> profile;  // whose postures (a new or existing profile); none: the one in use
  nlohmann::ordered_json id;     // the caller's "id", echoed in every progress message too
};

// The sitter profile to use from now on (docs/profiles.md).
struct ProfileCommand {
  std::string name;
};

using Command = std::variant<TareCommand, SnoozeCommand, NudgesCommand, BaselineCommand, ResetSessionCommand,
                             CalibratePosturesCommand, ProfileCommand>;

std::string_view command_name(const Command& command);

// Limits, public so docs and tests quote the same numbers.
constexpr std::size_t kMaxCommandBytes = 1024;
constexpr int kMinSnoozeMinutes = 1;
constexpr int kMaxSnoozeMinutes = 240;
constexpr double kMinBaselineSeconds = 1;
constexpr double kMaxBaselineSeconds = 120;

struct ParsedCommand {
  std::optional<Command> command;  // set when valid
  std::string error;               // set when not
  nlohmann::ordered_json id;       // the caller's "id", echoed in the response (null if none)
  std::string op;                  // the command name as asked for (may be unknown)
};

// `.../set`: {"command": "<name>", ...arguments}.
ParsedCommand parse_set_payload(std::string_view payload);

// `.../request/<op>`: the op names the command, the payload holds its arguments (empty = {}).
ParsedCommand parse_request(std::string_view op, std::string_view payload);

// What the application answers; `ok == false` turns into an error response.
struct CommandOutcome {
  bool ok = true;
  std::string error;
};

// {"status": "ok"|"error", "command": ..., "id": ..., "error": ...}
nlohmann::ordered_json response_payload(const ParsedCommand& parsed, const CommandOutcome& outcome);

}  // namespace chairhub::mqtt
