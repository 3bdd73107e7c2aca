#pragma once
// A chair shared by a few sitters (docs/profiles.md): each has a profile (their posture model,
// with the upright baseline and the seated weight it was learnt at), and the analysis picks
// whose by the seated weight when that is plain; otherwise the one chosen stays.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/chair_state.hpp"

namespace chairhub {

inline constexpr std::size_t kMaxProfiles = 8;
inline constexpr std::size_t kMaxProfileNameLength = 24;

struct ProfileConfig {
  bool by_weight = true;           // pick the profile by the seated weight when it is plain whose
  double weight_tolerance_kg = 4;  // a profile this near the weight may be the sitter's...
  double settle_s = 5;             // ...averaged over a sitting's first seconds
};

// Empty when `name` may name a profile: 1..24 of a-z, 0-9, '_' and '-', starting with a letter or
// digit (it names a file and a Home Assistant option); else what is wrong with it.
std::string profile_name_problem(std::string_view name);

struct ProfileWeight {
  std::string name;
  double seat_kg = 0;  // the seated weight the profile's baseline was learnt at
};

// The profile whose weight is within `tolerance_kg` of `seated_kg` while every other one is
// more than twice as far; none when no profile or more than one could be the sitter's.
std::optional<std::string> profile_by_weight(const std::vector<ProfileWeight>& profiles, double seated_kg,
                                             double tolerance_kg);

// The mean seat load over a sitting's first `settle_s` seconds (from being seen seated), once a
// sitting; getting up starts it afresh.
class SeatedWeight {
 public:
  std::optional<double> update(const ChairState& state, double settle_s);

 private:
  std::optional<double> start_;
  double sum_ = 0;
  std::size_t count_ = 0;
  bool said_ = false;
};

}  // namespace chairhub
