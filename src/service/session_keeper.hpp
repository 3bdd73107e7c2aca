#pragma once
// What chairhubd keeps across restarts, and how it uses it: the sitting session (continued
// after a short stop), today's totals, the measured upright baseline, tare offsets, the nudge
// switch and a running snooze. Saved (state_store.hpp) at session boundaries, after commands,
// periodically and at stop; a save that fails is said once and retried.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "core/channel.hpp"
#include "events/event.hpp"
#include "mqtt/chair_id.hpp"
#include "service/journal.hpp"
#include "service/state_store.hpp"

namespace chairhub {

// Where chairhubd keeps its state: `option` (--state-dir), else systemd's $STATE_DIRECTORY, else
// the config's; created if missing. Throws ConfigError (chairhubd exits 78, so systemd does not
// restart it in a loop) when it cannot be a folder, e.g. a file is in its place.
std::string state_directory(const std::optional<std::string>& option, const std::string& configured);

class SessionKeeper {
 public:
  SessionKeeper(const std::filesystem::path& dir, const Journal& journal);

  // Reads the state file; an unusable one is reported and replaced by a fresh state.
  void load();
  // The tare offsets measured on this chair, over the config's.
  void apply_tare(ChannelLayout& layout) const;
  // A fresh analysis gets the kept baseline and nudge switch; the session follows at its
  // first sample (before_sample).
  void prime(Analyzer& analyzer);
  // Before every sample: at the first one, continues the kept session unless the daemon was
  // stopped for as long as a break (then the sitter has had one).
  void before_sample(Analyzer& analyzer, double t, double min_break_s);
  // After every sample: today's totals, and a save when a session began or ended or a
  // baseline was measured.
  void after_sample(const Analyzer& analyzer, double dt, const std::vector<Event>& events);
  // Writes the state file (nothing to save before the analysis has had a sample).
  void save(const Analyzer& analyzer);

  // The chair id for MQTT when the config names none: the one kept in the state file; else,
  // when there is a state file from a version that did not keep it, the unkeyed id that version
  // used; else (a first start) the keyed one. Saved at once, so it stays.
  std::string chair_id(const mqtt::ChairIdSources& sources);

  // What the commands change.
  void record_tare(const std::string& channel, double offset) { persisted_.tare[channel] = offset; }
  // A full calibration measured new offsets: no earlier tare applies over them.
  void forget_tare() { persisted_.tare.clear(); }
  void snooze(Analyzer& analyzer, double t, double seconds);
  // The end of a running snooze, on the wall clock; none when there is none.
  std::optional<std::chrono::system_clock::time_point> snooze_end() const;

 private:
  StateStore store_;
  const Journal& journal_;
  PersistedState persisted_;
  std::optional<double> last_t_;  // the latest sample analysed
  bool restored_ = false;
  bool save_failing_ = false;  // the last save failed (and said so)
  bool had_file_ = false;      // a state file was there at load
};

}  // namespace chairhub
