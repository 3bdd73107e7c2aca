#pragma once
// The analysis as chairhubd runs it on its event loop: each sample through the analyzer, each
// event to the sinks in the order they were added, and the session keeper told before and after
// every sample (so a restart continues the session and the day's totals).
#include <optional>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "config/config.hpp"
#include "core/sample.hpp"
#include "events/event.hpp"
#include "service/command_actions.hpp"
#include "service/journal.hpp"
#include "service/session_keeper.hpp"

namespace chairhub {

class LiveAnalysis {
 public:
  // `chair` is the running config, which a reload changes in place (then reconfigure()).
  LiveAnalysis(const Config& chair, Units units, SessionKeeper& keeper);

  // Every event goes to every sink, in this order.
  void add_sink(EventSink& sink) { sinks_.push_back(&sink); }
  // A fresh analysis with what the state file keeps; the session follows at the first sample.
  void restart();
  void feed(const Sample& sample);
  // A reload: the config's new values, and the sitter's posture model read again.
  void reconfigure();
  // The sitter's posture model is <state_dir>/postures.toml (service/sitter_postures.hpp): read
  // now, on every reconfigure(), and given to every fresh analysis.
  void use_sitter_postures(const std::string& state_dir, const Journal& journal);
  // The sitter's model read again (another profile is in use).
  void reload_sitter_postures();
  // A model just learnt (and written there): used from the next sample on.
  void set_sitter_postures(PostureModel model);

  Analyzer& analyzer() { return *analyzer_; }
  Units units() const { return units_; }
  // The time of the latest sample (0 before the first).
  double last_t() const { return last_t_.value_or(0); }
  // Recent raw readings, for the tare command.
  const TareAverage& raw() const { return raw_; }

 private:
  const Config& chair_;
  Units units_;
  SessionKeeper& keeper_;
  std::unique_ptr<Analyzer> analyzer_;
  std::vector<EventSink*> sinks_;
  std::vector<Event> events_;  // one sample's, reused
  std::optional<double> last_t_;
  TareAverage raw_;
  std::string state_dir_;                // where the posture model is; empty: none is read
  const Journal* journal_ = nullptr;
  std::optional<PostureModel> postures_;
};

}  // namespace chairhub
