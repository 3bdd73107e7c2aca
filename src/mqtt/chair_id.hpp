#pragma once
// A chair's id: the last topic level and the prefix of every Home Assistant unique id, so it must
// stay the same across restarts. Default: derived from a keyed hash of /etc/machine-id that is
// specific to chairhub (as machine-id(5) asks), so the published id cannot be linked back to
// the machine; else from the host name. Earlier versions used an unkeyed hash (the legacy id);
// chairhubd keeps whichever id a chair already has in its state file.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace chairhub::mqtt {

struct ChairIdSources {
  // The machine id hashed with chairhub's application id (32 hex digits).
  std::function<std::optional<std::string>()> app_machine_id;
  std::function<std::optional<std::string>()> hostname;
  // The raw machine id: only for the legacy id of chairs set up before the keyed one.
  std::function<std::optional<std::string>()> machine_id;
};

// sd_id128_get_machine_app_specific() with chairhub's application id, gethostname() and
// /etc/machine-id.
ChairIdSources system_chair_id_sources();

// "chair-1a2b3c4d" from the keyed machine id, else "chair-<sanitized hostname>", else "chair".
std::string default_chair_id(const ChairIdSources& sources);
// The id older versions derived: "chair-" + FNV-1a of the raw machine id, with the same
// fallbacks. Only for keeping an existing chair's id.
std::string legacy_chair_id(const ChairIdSources& sources);

// Ids go into topics and entity ids: letters, digits, '_' and '-', 1..64 characters.
bool valid_chair_id(std::string_view id);

}  // namespace chairhub::mqtt
