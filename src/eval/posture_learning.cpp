#include "eval/posture_learning.hpp"

#include <cmath>
#include <functional>

#include "analysis/analyzer.hpp"
#include "core/input_error.hpp"
#include "eval/evaluation.hpp"
#include "eval/posture_calibration.hpp"
#include "eval/population_eval.hpp"
#include "log/log_reader.hpp"
#include "sim/simulated_chair.hpp"

namespace chairhub {
namespace {

// Plays one recording: calls `row` with each sample and its label.
using Row = std::function<void(const Sample&, const std::string&)>;
using Play = std::function<void(const Row&)>;

// The first recording of upright sitting, as the analysis learns it from the window.
Baseline learn_baseline(const std::vector<Play>& plays, const std::string& where, const Config& config, Units units) {
  FirstRecording first(config.eval_labels);
  double last_t = 0;
  plays.front()([&](const Sample& s, const std::string& label) {
    first.add(s.t, label);
    last_t = s.t;
  });
  auto window = first.window();
  if (!window) throw InputError(where, 0, "cannot learn postures: no row is labelled as upright sitting");
  // The analysis takes the baseline at the first sample after the window: a recording that is
  // upright to its end gives its last sample for that.
  if (window->second >= last_t) window->second = std::nextafter(last_t, -1e300);
  Analyzer analyzer(config.analysis, config.layout, units);
  analyzer.capture_baseline(window->first, window->second);
  std::vector<Event> events;
  plays.front()([&](const Sample& s, const std::string&) {
    events.clear();
    analyzer.update(s, events);
  });
  if (!analyzer.has_own_baseline())
    throw InputError(where, 0, "cannot learn postures: nobody was seen seated during the first upright recording");
  return analyzer.baseline();
}

PostureModel learn(const std::vector<Play>& plays, const std::string& where, const Config& config, Units units,
                   const PostureFitOptions& options, bool first_only = false) {
  const Baseline baseline = learn_baseline(plays, where, config, units);
  PostureSamples samples(options.settle_s, first_only);
  for (const auto& play : plays) {
    // Each recording from its start with the sitter's baseline known, the first one too.
    Analyzer analyzer(config.analysis, config.layout, units);
    analyzer.set_baseline(baseline);
    std::vector<Event> events;
    play([&](const Sample& s, const std::string& label) {
      events.clear();
      analyzer.update(s, events);
      samples.add(s.t, label, label_posture(config.eval_labels, label), analyzer.posture_inputs(), baseline);
    });
  }
  try {
    return fit_posture_model(samples, baseline, options);
  } catch (const PostureFitError& e) {
    throw InputError(where, 0, std::string("cannot learn postures: ") + e.what());
  }
}

}  // namespace

std::optional<Posture> label_posture(const std::map<std::string, std::string>& meanings, const std::string& label) {
  const auto meaning = label_meaning(meanings, label);
  if (!meaning || *meaning == "empty") return std::nullopt;
  if (*meaning == "not_upright") return Posture::other;
  return posture_from_string(*meaning);
}

PostureModel learn_postures(const std::vector<std::string>& logs, const Config& config,
                            const PostureFitOptions& options, bool first_only) {
  if (logs.empty()) throw InputError("learn", 0, "no log to learn from");
  std::string where;
  std::vector<Play> plays;
  Units units = Units::calibrated;
  for (const auto& path : logs) {
    if (path == "-") throw InputError(path, 0, "learning reads each log twice: give a file, not standard input");
    LogReader probe(path, config.layout);
    if (!probe.has_label()) throw InputError(path, 0, "no 'label' column: learning needs the posture held on each row");
    if (plays.empty()) units = probe.units();
    where += (where.empty() ? "" : ", ") + path;
    plays.emplace_back([path, &config](const Row& row) {
      LogReader reader(path, config.layout);
      Sample sample;
      while (reader.next(sample)) row(sample, reader.label());
    });
  }
  return learn(plays, where, config, units, options, first_only);
}

PostureModel learn_postures(const std::vector<LabelledSample>& samples, Units units, const Config& config,
                            const PostureFitOptions& options, const std::string& where) {
  const Play play = [&samples](const Row& row) {
    for (const auto& s : samples) row(s.sample, s.label);
  };
  return learn({play}, where, config, units, options);
}

Scenario guided_calibration(const PopulationSitter& sitter, double hold_s) {
  Scenario s = sitter.scenario;
  s.seed = sitter.scenario.seed * 31 + 17;  // another session: other noise
  s.steps.clear();
  s.faults.clear();
  s.steps.push_back({std::nullopt, Feet::flat, 3});
  for (const PostureHold& hold : posture_holds()) s.steps.push_back({hold.posture, Feet::flat, hold_s});
  s.steps.push_back({std::nullopt, Feet::flat, 3});
  return s;
}

PostureModel calibrate_sitter(const PopulationSitter& sitter, const Config& config, const PostureFitOptions& options) {
  const Scenario scenario = guided_calibration(sitter);
  const Play play = [&](const Row& row) {
    SimulatedChair chair(scenario, config.layout);
    Sample sample;
    std::string label;
    while (chair.next(sample, label)) row(sample, label);
  };
  return learn({play}, sitter.name + " (guided calibration)", config, scenario.units, options);
}

}  // namespace chairhub
