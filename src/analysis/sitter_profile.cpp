#include "analysis/sitter_profile.hpp"

#include <cmath>

namespace chairhub {

std::string profile_name_problem(std::string_view name) {
  if (name.empty()) return "a profile name must not be empty";
  if (name.size() > kMaxProfileNameLength)
    return "a profile name is at most " + std::to_string(kMaxProfileNameLength) + " characters";
  const auto plain = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!plain(name.front())) return "a profile name starts with a-z or 0-9";
  for (char c : name)
    if (!plain(c) && c != '_' && c != '-') return "a profile name holds only a-z, 0-9, '_' and '-'";
  return {};
}

std::optional<std::string> profile_by_weight(const std::vector<ProfileWeight>& profiles, double seated_kg,
                                             double tolerance_kg) {
  std::optional<std::string> near;
  for (const auto& p : profiles) {
    const double off = std::abs(p.seat_kg - seated_kg);
    if (off <= tolerance_kg) {
      if (near) return std::nullopt;  // two could be the sitter
      near = p.name;
    } else if (off <= 2 * tolerance_kg) {
      return std::nullopt;  // another not clearly away
    }
  }
  return near;
}

std::optional<double> SeatedWeight::update(const ChairState& state, double settle_s) {
  if (!state.occupied) {
    *this = {};
    return std::nullopt;
  }
  if (said_) return std::nullopt;
  if (!start_) start_ = state.t;
  sum_ += state.seat_kg;
  ++count_;
  if (state.t - *start_ < settle_s) return std::nullopt;
  said_ = true;
  return sum_ / static_cast<double>(count_);
}

}  // namespace chairhub
