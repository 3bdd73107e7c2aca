#pragma once
// Broker username and password, kept in their own file (not in the main config, which is often
// world-readable) as two lines:  username=...  password=...
#include <filesystem>
#include <string>

#include "core/log.hpp"

namespace chairhub::mqtt {

struct Credentials {
  std::string username;
  std::string password;
};

enum class LoosePermissions { warn, refuse };

// Throws InputError for a missing/unreadable/malformed file, and (with `refuse`) for a file
// that group or others may read; with `warn` it logs a warning and goes on.
Credentials read_credentials(const std::filesystem::path& file, LoosePermissions policy, const Logger& log);

}  // namespace chairhub::mqtt
