#pragma once
// The command line's own mistakes, said the same way by chairhub and chairhubd: an unknown
// command gets the nearest known one suggested, and every usage error exits 64 (EX_USAGE).
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace chairhub::cli {

// The known name closest to `word` (edit distance at most 2), if any.
std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& known);

// "'replya' is not a chairhub command; did you mean 'replay'?", or nothing when argv[1] is an
// option or a known subcommand of `app`.
std::optional<std::string> unknown_command(const CLI::App& app, const std::string& program, int argc, char** argv);

// A number from lo to hi, said as people write numbers: "must be between 0 and 1000000".
CLI::Validator between(double lo, double hi);

// Parses; help and --version print and return 0, a usage error prints "PROGRAM: what" and the
// hint and returns kExitUsage; nothing when parsing succeeded. Other exceptions pass through.
std::optional<int> parse_or_usage_error(CLI::App& app, const std::string& program, int argc, char** argv);

}  // namespace chairhub::cli
