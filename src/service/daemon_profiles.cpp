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
  if (!config.by_weight || weights_.empty()) return false;
  const auto kg = seated_.update(analysis_.analyzer().state(), config.settle_s);
  if (!kg) return false;
  const auto pick = profile_by_weight(weights_, *kg, config.weight_tolerance_kg);
  if (!pick || pick == selected_) return false;
  journal_(LogLevel::info, "the seated weight is plainly " + *pick + "'s");
  return select(*pick).ok;
}

}  // namespace chairhub
