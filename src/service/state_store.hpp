#pragma once
// What the daemon keeps across restarts, in one JSON file in the state directory, written
// atomically (temporary file, fsync, rename, fsync of the directory). An unreadable or corrupt
// file gives a warning and a fresh state, never a crash.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/baseline.hpp"

namespace chairhub {

struct PersistedState {
  // The sitting session, as wall-clock seconds since the epoch.
  std::optional<double> session_start_wall;
  double session_seated_s = 0;
  double saved_at_wall = 0;
  // Today's totals (local date "YYYY-MM-DD").
  std::string day;
  double day_sitting_s = 0;
  int day_breaks = 0;
  // The sitter's own upright baseline, if one was taken (not the automatic one).
  std::optional<Baseline> baseline;
  // Tare offsets measured by the tare command, by channel; they override the config's.
  std::map<std::string, double> tare;
  bool nudges_enabled = true;
  std::optional<double> snoozed_until_wall;
  // The chair id derived for MQTT when the config names none; kept so that the id never
  // changes. Empty in the files of versions that did not keep it.
  std::string chair_id;
};

class StateStore {
 public:
  explicit StateStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // The saved state, or a fresh one; `warning` says what was wrong with an unusable file.
  PersistedState load(std::string& warning) const;
  // Throws std::system_error if the file cannot be written; the previous file is then intact.
  void save(const PersistedState& state) const;

  std::filesystem::path file() const { return dir_ / "state.json"; }

 private:
  std::filesystem::path dir_;
};

// Parses the JSON text of a state file; throws std::exception when it is not a valid one.
PersistedState parse_persisted_state(const std::string& text);
std::string serialize_persisted_state(const PersistedState& state);

}  // namespace chairhub
