#pragma once
// The sitter profiles of a shared chair (docs/profiles.md), kept in the state directory: each
// one's posture model as profiles/<name>.toml (the model file, with the baseline and the seated
// weight it was learnt at), and the one in use named in profiles/selected. Without a selected
// profile, the chair's own postures.toml is the sitter's model, as on a chair with one sitter.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/sitter_profile.hpp"
#include "service/journal.hpp"

namespace chairhub {

class SitterProfiles {
 public:
  explicit SitterProfiles(std::filesystem::path state_dir) : dir_(std::move(state_dir)) {}

  // The profiles there are, sorted (files whose name is not a profile's are left alone).
  std::vector<std::string> names() const;
  bool exists(const std::string& name) const;
  // The profile in use: the one profiles/selected names, if it is there.
  std::optional<std::string> selected() const;
  // Makes `name` the profile in use (written atomically); InputError when it is no profile or
  // the choice cannot be written.
  void select(const std::string& name) const;

  // Where a profile's posture model is; none: the chair's own postures.toml.
  std::filesystem::path model_file(const std::optional<std::string>& profile) const;
  std::filesystem::path active_model_file() const { return model_file(selected()); }
  // Empty when a calibration may write `name`'s model (an existing profile, or a new one while
  // there are fewer than kMaxProfiles); else why not.
  std::string writable_problem(const std::string& name) const;

  // Each profile's seated weight, from its model's baseline; a model that does not read or has
  // no weight is left out, saying so in the journal.
  std::vector<ProfileWeight> weights(const Journal& journal) const;

 private:
  std::filesystem::path folder() const { return dir_ / "profiles"; }
  std::filesystem::path dir_;
};

}  // namespace chairhub
