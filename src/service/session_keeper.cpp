#include "service/session_keeper.hpp"

#include <chrono>
#include <cstdlib>
#include <exception>
#include <system_error>
#include <utility>

#include "core/file_checks.hpp"
#include "core/input_error.hpp"
#include "core/pacing.hpp"

namespace chairhub {

std::string state_directory(const std::optional<std::string>& option, const std::string& configured) {
  std::string dir = configured;
  std::string named_by = "[service] state_dir";
  if (option) {
    dir = *option;
    named_by = "--state-dir";
  } else if (const char* systemd = std::getenv("STATE_DIRECTORY")) {
    dir = std::string(systemd).substr(0, std::string(systemd).find(':'));
    named_by = "systemd's $STATE_DIRECTORY";
  }
  const auto refuse = [&](const std::string& why) {
    throw ConfigError({"the state folder " + dir + " (from " + named_by + ") " + why});
  };
  if (const auto why = unusable_folder(dir)) refuse(*why);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) refuse("cannot be made: " + ec.message());
  return dir;
}

SessionKeeper::SessionKeeper(const std::filesystem::path& dir, const Journal& journal)
    : store_(dir), journal_(journal) {}

void SessionKeeper::load() {
  std::error_code ec;
  had_file_ = std::filesystem::exists(store_.file(), ec);
  std::string warning;
  persisted_ = store_.load(warning);
  if (!warning.empty()) journal_(LogLevel::warning, warning);
}

std::string SessionKeeper::chair_id(const mqtt::ChairIdSources& sources) {
  if (!persisted_.chair_id.empty()) return persisted_.chair_id;
  persisted_.chair_id = had_file_ ? mqtt::legacy_chair_id(sources) : mqtt::default_chair_id(sources);
  if (had_file_)
    journal_(LogLevel::notice, "keeping this chair's id " + persisted_.chair_id + " (from before ids were keyed)");
  try {
    store_.save(persisted_);
  } catch (const std::exception&) {
    // kept in memory and saved with the state; a save failing for good is said there
  }
  return persisted_.chair_id;
}

void SessionKeeper::apply_tare(ChannelLayout& layout) const {
  for (auto& channel : layout.channels)
    if (auto it = persisted_.tare.find(channel.name); it != persisted_.tare.end()) channel.offset = it->second;
}

void SessionKeeper::prime(Analyzer& analyzer) {
  if (persisted_.baseline) analyzer.set_baseline(*persisted_.baseline);
  analyzer.set_nudges_enabled(persisted_.nudges_enabled);
  restored_ = false;
  last_t_.reset();
}

void SessionKeeper::before_sample(Analyzer& analyzer, double t, double min_break_s) {
  if (std::exchange(restored_, true)) return;
  if (persisted_.snoozed_until_wall) {
    const double left = *persisted_.snoozed_until_wall - wall_seconds();
    if (left > 0) analyzer.snooze_nudges_until(t + left);
  }
  if (!persisted_.session_start_wall) return;
  const double now_wall = wall_seconds();
  const double down_s = now_wall - persisted_.saved_at_wall;
  if (down_s < 0 || down_s >= min_break_s) {
    journal_(LogLevel::notice, "the last session ended while chairhubd was stopped");
    return;
  }
  const double start = t - (now_wall - *persisted_.session_start_wall);
  analyzer.resume_session(start, persisted_.session_seated_s);
  journal_(LogLevel::notice, "continuing the sitting session begun " +
                                 std::to_string(static_cast<int>((t - start) / 60)) + " min ago");
}

void SessionKeeper::after_sample(const Analyzer& analyzer, double dt, const std::vector<Event>& events) {
  last_t_ = analyzer.state().t;
  const std::string today = local_date(wall_seconds());
  if (today != persisted_.day) {  // local midnight: a new day's totals
    persisted_.day = today;
    persisted_.day_sitting_s = 0;
    persisted_.day_breaks = 0;
  }
  if (analyzer.state().occupied) persisted_.day_sitting_s += dt;
  bool changed = false;
  for (const auto& e : events) {
    persisted_.day_breaks += e.is<BreakTaken>();
    if (e.is<Seated>() || e.is<StoodUp>() || e.is<BreakTaken>()) changed = true;
    // a learnt baseline is kept for this sitting only; a measured one across restarts
    if (const auto* b = std::get_if<BaselineUpdate>(&e.data);
        b && b->baseline && b->source != BaselineSource::auto_learnt) {
      persisted_.baseline = analyzer.baseline();
      changed = true;
    }
  }
  if (changed) save(analyzer);
}

void SessionKeeper::save(const Analyzer& analyzer) {
  if (!last_t_) return;
  const double now_wall = wall_seconds();
  const auto& session = analyzer.session();
  persisted_.saved_at_wall = now_wall;
  persisted_.session_start_wall.reset();
  if (auto start = session.start()) persisted_.session_start_wall = now_wall - (*last_t_ - *start);
  persisted_.session_seated_s = session.sitting_s();
  persisted_.nudges_enabled = analyzer.nudges().switched_on();
  try {
    store_.save(persisted_);
    if (std::exchange(save_failing_, false))
      journal_(LogLevel::notice, "state saved again to " + store_.file().string());
  } catch (const std::exception& e) {
    // said once, not at every retry (a full disk stays full for a while)
    if (!std::exchange(save_failing_, true))
      journal_(LogLevel::error,
               std::string("cannot save state, keeping the last saved file and retrying: ") + e.what());
  }
}

void SessionKeeper::snooze(Analyzer& analyzer, double t, double seconds) {
  analyzer.snooze_nudges_until(t + seconds);
  persisted_.snoozed_until_wall = wall_seconds() + seconds;
}

std::optional<std::chrono::system_clock::time_point> SessionKeeper::snooze_end() const {
  if (!persisted_.snoozed_until_wall || *persisted_.snoozed_until_wall <= wall_seconds()) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
      std::chrono::duration<double>(*persisted_.snoozed_until_wall)));
}

}  // namespace chairhub
