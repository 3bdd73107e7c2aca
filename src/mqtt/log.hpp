#pragma once
// Where the MQTT modules write their log lines. The daemon routes this to the journal; tests
// capture it. Levels follow sd-daemon priorities so a plain stderr logger can prefix "<N>".
#include <functional>
#include <string>
#include <string_view>

namespace chairhub::mqtt {

enum class LogLevel { error = 3, warning = 4, notice = 5, info = 6, debug = 7 };

// Called from the io_context thread and from the connection's network thread (connection
// errors, retries): it must be safe to call from both at once.
using Logger = std::function<void(LogLevel, std::string_view)>;

// "<4>mqtt: ..." on stderr, which journald turns into priorities.
Logger stderr_logger();

// Never empty: replaces an unset logger with one that drops everything.
Logger or_silent(Logger logger);

}  // namespace chairhub::mqtt
