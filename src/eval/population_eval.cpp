#include "eval/population_eval.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "analysis/analyzer.hpp"
#include "core/input_error.hpp"
#include "eval/evaluation.hpp"
#include "log/log_reader.hpp"
#include "sim/simulated_chair.hpp"

namespace chairhub {
namespace {

std::optional<double> share(std::size_t part, std::size_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

std::optional<double> SubjectScore::balanced_accuracy() const {
  const auto a = share(upright_right, upright), b = share(other_right, other);
  if (a && b) return (*a + *b) / 2;
  return a ? a : b;  // only one class was seen: its accuracy is all there is
}
std::optional<double> SubjectScore::reported_share() const { return share(reported, judged); }
std::optional<double> SubjectScore::agreement() const { return share(agreed, settled); }
std::optional<double> SubjectScore::occupancy() const { return share(occupancy_right, labelled); }

void SubjectScorer::add(double t, const std::string& label, const ChairState& state) {
  const auto meaning = label_meaning(meanings_, label);
  if (!meaning) {
    last_meaning_.clear();
    return;
  }
  if (*meaning != last_meaning_) {
    last_meaning_ = *meaning;
    since_ = t;
  }
  const bool seated = *meaning != "empty";
  ++score_.labelled;
  score_.occupancy_right += seated == state.occupied;
  if (!seated || !state.occupied || (baseline_until_ && t <= *baseline_until_)) return;

  ++score_.judged;
  score_.reported += state.posture.has_value();
  const bool called_upright = state.posture == Posture::upright;
  const bool called_other = state.posture && !called_upright;
  if (*meaning == "upright") {
    ++score_.upright;
    score_.upright_right += called_upright;
  } else {
    ++score_.other;
    score_.other_right += called_other;
  }
  const auto named = posture_from_string(*meaning);
  if (named && t - since_ >= settle_s_) {
    ++score_.settled;
    score_.agreed += state.posture == named;
  }
}

void FirstRecording::add(double t, const std::string& label) {
  if (done_) return;
  const auto meaning = label_meaning(meanings_, label);
  if (!meaning_) {
    if (meaning == "upright") {
      meaning_ = meaning;
      start_ = end_ = t;
    }
    return;
  }
  if (meaning != meaning_ || t - end_ > gap_s_) {
    done_ = true;
    return;
  }
  end_ = t;
}

std::optional<std::pair<double, double>> FirstRecording::window() const {
  if (!meaning_) return std::nullopt;
  return std::pair{start_, end_};
}

std::pair<double, double> first_recording(const std::string& path, const Config& config) {
  if (path == "-") throw InputError(path, 0, "--baseline first reads the log twice: give a file, not standard input");
  LogReader reader(path, config.layout);
  if (!reader.has_label()) throw InputError(path, 0, "--baseline first needs a 'label' column");
  FirstRecording first(config.eval_labels);
  Sample sample;
  while (reader.next(sample)) first.add(sample.t, reader.label());
  const auto window = first.window();
  if (!window) throw InputError(path, 0, "--baseline first: no row is labelled as upright sitting");
  return *window;
}

SubjectScore score_sitter(const PopulationSitter& sitter, const Config& config, BaselineChoice baseline,
                          double settle_s, const PostureModel* postures) {
  Analyzer analyzer(config.analysis, config.layout, sitter.scenario.units);
  if (postures) analyzer.set_posture_model(*postures);
  Sample sample;
  std::string label;
  std::optional<std::pair<double, double>> window;
  if (baseline == BaselineChoice::first_recording) {
    FirstRecording first(config.eval_labels);
    SimulatedChair chair(sitter.scenario, config.layout);
    while (chair.next(sample, label)) first.add(sample.t, label);
    window = first.window();
    if (window) analyzer.capture_baseline(window->first, window->second);
  }
  SubjectScorer scorer(sitter.name, config.eval_labels, settle_s);
  if (window) scorer.baseline_until(window->second);
  SimulatedChair chair(sitter.scenario, config.layout);
  std::vector<Event> events;
  while (chair.next(sample, label)) {
    events.clear();
    analyzer.update(sample, events);
    scorer.add(sample.t, label, analyzer.state());
  }
  return scorer.score();
}

namespace {

using Figure = std::function<std::optional<double>(const SubjectScore&)>;
struct Column {
  const char* title;
  const char* key;
  Figure figure;
};
const std::vector<Column>& columns() {
  static const std::vector<Column> c = {
      {"balanced", "balanced_accuracy", [](const SubjectScore& s) { return s.balanced_accuracy(); }},
      {"reported", "reported", [](const SubjectScore& s) { return s.reported_share(); }},
      {"agreement", "agreement", [](const SubjectScore& s) { return s.agreement(); }},
      {"occupancy", "occupancy", [](const SubjectScore& s) { return s.occupancy(); }},
  };
  return c;
}

std::string percent(std::optional<double> v) {
  if (!v) return "-";
  char text[16];
  std::snprintf(text, sizeof text, "%.1f %%", *v * 100);
  return text;
}

// Mean and worst of one figure over the subjects that have it.
struct Summary {
  std::optional<double> mean, worst;
  std::string worst_name;
  std::size_t subjects = 0;
};
Summary summarise(const std::vector<SubjectScore>& scores, const Figure& figure) {
  Summary s;
  double sum = 0;
  for (const auto& score : scores) {
    const auto v = figure(score);
    if (!v) continue;
    sum += *v;
    ++s.subjects;
    if (!s.worst || *v < *s.worst) {
      s.worst = v;
      s.worst_name = score.name;
    }
  }
  if (s.subjects) s.mean = sum / static_cast<double>(s.subjects);
  return s;
}

}  // namespace

std::string population_report(const std::vector<SubjectScore>& scores) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%-24s %8s", "subject", "judged");
  out += line;
  for (const auto& c : columns()) {
    std::snprintf(line, sizeof line, " %10s", c.title);
    out += line;
  }
  out += '\n';
  for (const auto& s : scores) {
    std::snprintf(line, sizeof line, "%-24s %8zu", s.name.c_str(), s.judged);
    out += line;
    for (const auto& c : columns()) {
      std::snprintf(line, sizeof line, " %10s", percent(c.figure(s)).c_str());
      out += line;
    }
    out += '\n';
  }
  std::vector<Summary> summaries;
  for (const auto& c : columns()) summaries.push_back(summarise(scores, c.figure));
  // One row of the summaries: their means, or their worst subjects' figures.
  const auto summary_row = [&](const char* label, std::optional<double> Summary::*figure) {
    std::snprintf(line, sizeof line, "%-24s %8s", label, "");
    out += line;
    for (const auto& s : summaries) {
      std::snprintf(line, sizeof line, " %10s", percent(s.*figure).c_str());
      out += line;
    }
    out += '\n';
  };
  summary_row("mean", &Summary::mean);
  summary_row("worst", &Summary::worst);
  for (std::size_t i = 0; i < summaries.size(); ++i) {
    if (!summaries[i].worst) continue;
    std::snprintf(line, sizeof line, "worst %s: %s (%s)\n", columns()[i].key, summaries[i].worst_name.c_str(),
                  percent(summaries[i].worst).c_str());
    out += line;
  }
  const auto unjudged = std::count_if(scores.begin(), scores.end(), [](const SubjectScore& s) { return s.judged == 0; });
  if (unjudged) out += "not scored (never seen seated): " + std::to_string(unjudged) + "\n";
  return out;
}

nlohmann::ordered_json population_json(const std::vector<SubjectScore>& scores) {
  auto value = [](std::optional<double> v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
  nlohmann::ordered_json subjects = nlohmann::ordered_json::array();
  for (const auto& s : scores) {
    nlohmann::ordered_json j = {{"name", s.name}, {"judged", s.judged}};
    for (const auto& c : columns()) j[c.key] = value(c.figure(s));
    subjects.push_back(std::move(j));
  }
  nlohmann::ordered_json summary = nlohmann::ordered_json::object();
  for (const auto& c : columns()) {
    const Summary s = summarise(scores, c.figure);
    summary[c.key] = {{"mean", value(s.mean)}, {"worst", value(s.worst)}, {"worst_subject", s.worst_name},
                      {"subjects", s.subjects}};
  }
  return {{"subjects", std::move(subjects)}, {"summary", std::move(summary)}};
}

}  // namespace chairhub
