#pragma once
// The analysis pipeline: samples in, events out. Pure: no clock, no I/O; time comes from the
// samples, so a replay is deterministic and runs as fast as the CPU allows, and the daemon runs
// the very same code on live samples.
//
//   sample -> health check -> calibration -> spike filter + smoothing -> features
//          -> occupancy -> sit session / breaks -> posture, feet -> nudges -> events
#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis_config.hpp"
#include "analysis/chair_state.hpp"
#include "analysis/dwell.hpp"
#include "analysis/nudges.hpp"
#include "analysis/posture_model.hpp"
#include "analysis/sensor_health.hpp"
#include "analysis/signal_filter.hpp"
#include "analysis/sit_session.hpp"
#include "core/channel.hpp"
#include "core/sample.hpp"
#include "events/event.hpp"

namespace chairhub {

// What the analysis reads off the conditioned channels at one sample.
struct Features {
  bool seat_usable = false;     // enough seat cells for the total load
  bool seat_complete = false;   // every seat cell healthy: the centre of pressure is valid
  double seat_kg = 0;
  double cop_x = 0, cop_y = 0;
  double left_share = 0.5, front_share = 0.5;
  std::optional<double> lumbar;    // mean backrest contact
  std::optional<double> feet;      // mean foot-pad contact
  std::optional<bool> pads_flat;   // every working foot pad has a foot on it
};

class Analyzer {
 public:
  // Keeps its own copy of the config and channels: a reload hands it new values (reconfigure).
  Analyzer(AnalysisConfig cfg, ChannelLayout layout, Units units);
  Analyzer(const Analyzer&) = delete;  // its parts point into its own config
  Analyzer& operator=(const Analyzer&) = delete;

  // Feeds one sample (values in layout order, NaN = missing); appends the events it raises.
  void update(const Sample& sample, std::vector<Event>& out);
  const ChairState& state() const { return state_; }
  const Features& features() const { return features_; }

  // The sitter's upright baseline: learnt from a window of samples [from, to] on the sample time
  // base (replay's --baseline, or "take the baseline now" live), or set directly.
  void capture_baseline(double from, double to);
  void set_baseline(const Baseline& baseline);
  const Baseline& baseline() const { return baseline_; }
  bool has_own_baseline() const { return baseline_source_.has_value(); }

  // The sitter's posture model (posture_model.hpp), prepared; none: the rules of posture.cpp
  // decide. The analysis takes the model's baseline, the upright its evidence was measured
  // against (a baseline captured later, or set, replaces it as before).
  void set_posture_model(std::optional<PostureModel> model);
  const std::optional<PostureModel>& posture_model() const { return model_; }
  // What posture was judged on at the latest sample; none when it was not judged (nobody
  // seated, the seat incomplete). For learning a model as the analysis sees the sitter.
  const std::optional<PostureInputs>& posture_inputs() const { return posture_inputs_; }

  // A reloaded config, or a new calibration (tare): the channels' names and roles must be
  // those it was built with. The session, posture and filters carry on.
  void reconfigure(const AnalysisConfig& cfg, const ChannelLayout& layout);

  // What the daemon's commands and its restart may change.
  void reset_session(double t) { session_.reset(t); }
  void resume_session(double start, double seated_s) { session_.resume(start, seated_s); }
  void set_nudges_enabled(bool on) { nudges_.set_enabled(on); }
  void snooze_nudges_until(double t) { nudges_.snooze_until(t); }

  const SitSession& session() const { return session_; }
  const NudgePolicy& nudges() const { return nudges_; }

 private:
  // A seat cell as the features weigh it: its channel, its position and its part in the left
  // and front halves (1, 0 or, on the centre line, 0.5), worked out once, not per sample.
  struct SeatCell {
    std::size_t channel;
    double x, y, left, front;
  };
  // Sums for averaging a baseline over a stretch of upright sitting, and the spread of each
  // channel's pattern value over it.
  struct BaselineSums {
    double n = 0, x = 0, y = 0, lumbar = 0, lumbar_n = 0, kg = 0, feet = 0, feet_n = 0;
    std::vector<double> pattern_n, pattern_sum, pattern_squares;
    void add(const Features& f, const std::vector<double>& pattern);
    Baseline mean() const;
  };

  void sort_channels();
  void condition_channels(const Sample& sample, std::vector<Event>& out);
  void report_health(double t, std::size_t channel, SensorHealth::Change change, std::vector<Event>& out);
  void compute_features();
  void update_baseline(double t, double dt, std::vector<Event>& out);
  void adopt_baseline(double t, const Baseline& b, BaselineSource source, std::vector<Event>& out);
  void use_baseline(const Baseline& baseline, BaselineSource source);  // set_baseline and adopt_baseline
  void update_posture(double t, std::vector<Event>& out);
  double departure() const;
  double pattern_value(std::size_t channel) const;
  const std::vector<double>& current_pattern();
  void prepare_departure();
  void update_feet(double t, std::vector<Event>& out);
  void update_state(double t);

  AnalysisConfig cfg_;
  ChannelLayout layout_;
  Units units_;
  std::vector<SensorHealth> health_;  // one per channel
  SignalFilter filter_;                // every channel's
  // Each channel's reading as the filter takes it at the latest sample: calibrated, NaN where
  // there is none or the channel is faulted (kept here so that no sample allocates).
  std::vector<double> filter_in_;
  // Each channel's conditioned value at the latest sample: smoothed, or NaN while it is faulted
  // or before its first reading. What the features, the pattern and the departure read.
  std::vector<double> values_;
  // The channels by role, in layout order, so that no sample looks up a channel's role.
  std::vector<SeatCell> seat_cells_;
  std::vector<std::size_t> back_pads_, foot_pads_;
  Features features_;
  // Each channel's part in the sitter's pattern (Baseline::pattern) while a baseline is being
  // learnt, kept here so that no sample allocates.
  std::vector<double> pattern_;
  // Worked out once per baseline so that no sample divides or looks up a channel: the channels
  // that count towards departure(), each with its baseline pattern value and 1 / the spread a
  // departure from it is measured in (its spread, floored; empty when the baseline has no
  // pattern), and 1 / the baseline's seat load and foot-pad contact (0 when unknown).
  struct DepartureTerm {
    std::size_t channel;
    bool seat;  // a seat cell's value counts as its share of the seat load
    double pattern, scale;
  };
  std::vector<DepartureTerm> departure_terms_;
  double per_baseline_kg_ = 0, per_baseline_feet_ = 0;
  std::optional<PostureModel> model_;
  std::optional<PostureInputs> posture_inputs_;

  bool hysteresis_occupied_ = false;
  Dwell<bool> occupancy_;
  Dwell<Posture> posture_;
  Dwell<bool> feet_;
  SitSession session_;
  NudgePolicy nudges_;

  Baseline baseline_;
  std::optional<BaselineSource> baseline_source_;  // none while the default applies
  std::optional<std::pair<double, double>> capture_;
  BaselineSums capture_sums_;
  BaselineSums auto_sums_;
  double auto_s_ = 0;

  std::optional<double> last_t_;
  ChairState state_;
};

}  // namespace chairhub
