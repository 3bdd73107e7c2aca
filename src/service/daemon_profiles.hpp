#pragma once
// The sitter profiles as chairhubd uses them (docs/profiles.md): the one in use chosen by the
// MQTT command `profile` or by the seated weight when it is plain whose it is; its posture model
// (and so its baseline) handed to the analysis.
#include <optional>
#include <string>
#include <vector>

#include "analysis/sitter_profile.hpp"
#include "config/config.hpp"
#include "mqtt/commands.hpp"
#include "service/journal.hpp"
#include "service/live_analysis.hpp"
#include "service/sitter_profiles.hpp"

namespace chairhub {

class DaemonProfiles {
 public:
  DaemonProfiles(LiveAnalysis& analysis, const Config& chair, const std::string& state_dir, const Journal& journal);

  const SitterProfiles& store() const { return store_; }
  const std::optional<std::string>& selected() const { return selected_; }
  const std::vector<std::string>& names() const { return names_; }
  // The command: `name` in use from now on.
  mqtt::CommandOutcome select(const std::string& name);
  // The profiles changed on disk (a calibration wrote one): read them again.
  void changed();
  // Each sample, after the analysis: once a sitting, the profiles read again and perhaps one
  // picked by the seated weight; true when the profile in use or the profiles changed.
  bool on_sample();

 private:
  LiveAnalysis& analysis_;
  const Config& chair_;
  SitterProfiles store_;
  const Journal& journal_;
  std::optional<std::string> selected_;
  std::vector<std::string> names_;
  std::vector<ProfileWeight> weights_;
  SeatedWeight seated_;
};

}  // namespace chairhub
