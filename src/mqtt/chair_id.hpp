#pragma once
// A chair's id: the last topic level and the prefix of every Home Assistant unique id, so it must
// stay the same across restarts. Default: derived from /etc/machine-id (hashed, so the raw
// machine id is never published), else from the host name.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace chairhub::mqtt {

struct ChairIdSources {
  std::function<std::optional<std::string>()> machine_id;
  std::function<std::optional<std::string>()> hostname;
};

// Reads /etc/machine-id and gethostname().
ChairIdSources system_chair_id_sources();

// "chair-1a2b3c4d" from the machine id, else "chair-<sanitized hostname>", else "chair".
std::string default_chair_id(const ChairIdSources& sources);

// Ids go into topics and entity ids: letters, digits, '_' and '-', 1..64 characters.
bool valid_chair_id(std::string_view id);

}  // namespace chairhub::mqtt
