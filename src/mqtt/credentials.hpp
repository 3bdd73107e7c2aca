#pragma once
// Broker username and password, kept in their own file (not in the main config, which is often
// world-readable) as two lines:  username=...  password=...
#include <filesystem>
#include <string>
#include <string_view>

#include "core/log.hpp"

namespace chairhub::mqtt {

struct Credentials {
  std::string username;
  std::string password;
};

enum class LoosePermissions { warn, refuse };

// A secret's file (credentials, TLS client key) that group or others may read: with `refuse`
// throws InputError naming the file and saying `what` it is; with `warn` logs a warning.
void check_private_file(const std::filesystem::path& file, std::string_view what, LoosePermissions policy,
                        const Logger& log);

// The file's text; throws InputError naming `place` and the line of a problem.
Credentials parse_credentials(std::string_view text, const std::string& place);

// Throws InputError for a missing/unreadable/malformed file, and (with `refuse`) for a file
// that group or others may read; with `warn` it logs a warning and goes on.
// The file is read up to the config files' limit (1 MiB).
Credentials read_credentials(const std::filesystem::path& file, LoosePermissions policy, const Logger& log);

}  // namespace chairhub::mqtt
