#include "service/command_actions.hpp"

#include <numeric>
#include <string>
#include <type_traits>

#include "calibration/model.hpp"
#include "service/daemon_profiles.hpp"
#include "service/live_posture_calibration.hpp"

namespace chairhub {

void TareAverage::add(const Sample& sample) {
  if (sum_.size() != sample.values.size() || count_ >= kWindow) {
    sum_.assign(sample.values.size(), 0);
    count_ = 0;
  }
  for (std::size_t i = 0; i < sample.values.size(); ++i) sum_[i] += sample.values[i];
  ++count_;
}

std::vector<double> TareAverage::means() const {
  std::vector<double> out;
  for (double sum : sum_) out.push_back(sum / static_cast<double>(count_));
  return out;
}

namespace {

mqtt::CommandOutcome tare(CommandTarget& to) {
  if (to.analyzer.state().occupied) return {false, "someone is sitting: tare needs an empty chair"};
  if (to.units != Units::raw || to.raw.empty()) return {false, "tare needs raw readings from the sensors"};
  std::vector<std::size_t> slots(to.config.layout.size());
  std::iota(slots.begin(), slots.end(), 0);
  const Calibration offsets = tare_offsets(to.config.layout, slots, to.raw.means());
  apply_calibration(offsets, to.config.layout);
  for (const auto& [name, tared] : offsets) to.keeper.record_tare(name, *tared.offset);
  to.analyzer.reconfigure(to.config.analysis, to.config.layout);
  to.journal(LogLevel::notice, "tared the seat cells");
  return {};
}

// False for every command type, so that one without a branch below stops the build.
template <typename C>
constexpr bool kNoActionFor = false;

}  // namespace

mqtt::CommandOutcome run_command(const mqtt::Command& command, double t, CommandTarget target) {
  return std::visit(
      [&](const auto& c) -> mqtt::CommandOutcome {
        using C = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<C, mqtt::TareCommand>) {
          return tare(target);
        } else if constexpr (std::is_same_v<C, mqtt::SnoozeCommand>) {
          target.keeper.snooze(target.analyzer, t, c.minutes * 60.0);
          target.journal(LogLevel::notice, "nudges snoozed for " + std::to_string(c.minutes) + " min");
        } else if constexpr (std::is_same_v<C, mqtt::NudgesCommand>) {
          target.analyzer.set_nudges_enabled(c.on);
          target.journal(LogLevel::notice, std::string("nudges ") + (c.on ? "on" : "off"));
        } else if constexpr (std::is_same_v<C, mqtt::BaselineCommand>) {
          if (!target.analyzer.state().occupied) return {false, "nobody is sitting: sit upright, then ask again"};
          target.analyzer.capture_baseline(t, t + c.seconds.value_or(20));
          target.journal(LogLevel::notice, "taking the upright baseline now");
        } else if constexpr (std::is_same_v<C, mqtt::ResetSessionCommand>) {
          target.analyzer.reset_session(t);
          target.journal(LogLevel::notice, "sitting session reset");
        } else if constexpr (std::is_same_v<C, mqtt::CalibratePosturesCommand>) {
          if (!target.postures) return {false, "the posture calibration is not available here"};
          return target.postures->command(c);
        } else if constexpr (std::is_same_v<C, mqtt::ProfileCommand>) {
          if (!target.profiles) return {false, "sitter profiles are not available here"};
          return target.profiles->select(c.name);
        } else {
          static_assert(kNoActionFor<C>, "a command of mqtt/commands.hpp without its action here");
        }
        return {};
      },
      command);
}

}  // namespace chairhub
