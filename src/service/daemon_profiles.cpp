#include "service/daemon_profiles.hpp"

#include "core/input_error.hpp"

namespace chairhub {

DaemonProfiles::DaemonProfiles(LiveAnalysis& analysis, const Config& chair, const std::string& state_dir,
                               const Journal& journal)
    : analysis_(analysis), chair_(chair), store_(state_dir), journal_(journal) {
  changed();
}

mqtt::CommandOutcome DaemonProfiles::select(const std::string& name) {
  try {
    store_.select(name);
  } catch (const InputError& e) {
    return {false, e.problems().back()};
  }
  selected_ = name;
  analysis_.reload_sitter_postures();
  journal_(LogLevel::notice, "sitter profile " + name + " in use");
  return {};
}

void DaemonProfiles::changed() {
  selected_ = store_.selected();
  names_ = store_.names();
  weights_ = store_.weights(journal_);
}

bool DaemonProfiles::on_sample() {
  const ProfileConfig& config = chair_.analysis.profiles;
  const auto kg = seated_.update(analysis_.analyzer().state(), config.settle_s);
  if (!kg) return false;
  // Once a sitting: the profiles as they are on disk now (one may have been added or removed).
  const std::vector<std::string> before = names_;
  changed();
  const bool renamed = names_ != before;
  if (!config.by_weight) return renamed;
  const auto pick = profile_by_weight(weights_, *kg, config.weight_tolerance_kg);
  if (!pick || pick == selected_) return renamed;
  journal_(LogLevel::info, "the seated weight is plainly " + *pick + "'s");
  return select(*pick).ok || renamed;
}

}  // namespace chairhub
