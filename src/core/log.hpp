#pragma once
// Where the parts write their log lines: chairhubd routes them to the journal, tests capture
// them. Levels follow sd-daemon priorities so a plain stderr logger can prefix "<N>".
#include <functional>
#include <string>
#include <string_view>

namespace chairhub {

enum class LogLevel { error = 3, warning = 4, notice = 5, info = 6, debug = 7 };

// May be called from several threads at once (the MQTT connection logs from its network
// thread): it must be safe for that.
using Logger = std::function<void(LogLevel, std::string_view)>;

// Whether stderr is the journal's stream (systemd sets JOURNAL_STREAM to its device and inode).
bool stderr_is_journal();

// One line on stderr: "<4>text" for the journal, which turns the prefix into a priority;
// "warning: text" (or "error: ", nothing for the rest) for a person at a terminal or a file.
void write_log_line(LogLevel level, std::string_view text);

// write_log_line with `prefix` (e.g. "mqtt: ") before the text.
Logger stderr_logger(std::string prefix = {});

// Never empty: replaces an unset logger with one that drops everything.
Logger or_silent(Logger logger);

}  // namespace chairhub
