#pragma once
// Posture scored per subject, for many subjects at once: simulated sitters of a population or
// real recordings of different people, each judged against their own upright baseline.
//
// The figures, each over the rows a subject is truly seated and the analysis says so:
// - balanced accuracy of upright vs. not: the mean of the share of upright rows called upright
//   and the share of the other rows called something else; a row with no posture reported yet
//   is wrong in either class, so saying nothing never scores;
// - the share of those rows with a posture reported;
// - agreement: the share of settled rows (the label held at least `settle_s`, so the dwell and
//   the movement itself are not counted) whose posture is exactly the label's (only for labels
//   that name a posture);
// - occupancy: the share of all labelled rows where seated or empty is right.
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/chair_state.hpp"
#include "analysis/posture_model.hpp"
#include "config/config.hpp"
#include "sim/population.hpp"

namespace chairhub {

struct SubjectScore {
  std::string name;
  std::size_t labelled = 0, occupancy_right = 0;
  std::size_t judged = 0, reported = 0;
  std::size_t upright = 0, upright_right = 0;
  std::size_t other = 0, other_right = 0;
  std::size_t settled = 0, agreed = 0;

  // None when the subject has no row to judge (never seen seated, or nothing labelled).
  std::optional<double> balanced_accuracy() const;
  std::optional<double> reported_share() const;
  std::optional<double> agreement() const;
  std::optional<double> occupancy() const;
};

// Scores one subject row by row.
class SubjectScorer {
 public:
  SubjectScorer(std::string name, const std::map<std::string, std::string>& meanings, double settle_s)
      : meanings_(meanings), settle_s_(settle_s) {
    score_.name = std::move(name);
  }
  void add(double t, const std::string& label, const ChairState& state);
  const SubjectScore& score() const { return score_; }
  // Rows up to `t` are the baseline recording: their posture is not judged (the analysis
  // learns from them, and only knows the sitter's upright once they are over).
  void baseline_until(double t) { baseline_until_ = t; }

 private:
  const std::map<std::string, std::string>& meanings_;
  double settle_s_;
  std::optional<double> baseline_until_;
  SubjectScore score_;
  std::string last_meaning_;
  double since_ = 0;
};

// Finds a subject's first recording of upright sitting, row by row: it starts at the first row
// labelled upright and ends at the last row before the label changes or the time jumps by more
// than `gap_s`.
class FirstRecording {
 public:
  explicit FirstRecording(const std::map<std::string, std::string>& meanings, double gap_s = 2)
      : meanings_(meanings), gap_s_(gap_s) {}
  void add(double t, const std::string& label);
  // [start, end] on the log's time base; none if no row was labelled upright.
  std::optional<std::pair<double, double>> window() const;

 private:
  const std::map<std::string, std::string>& meanings_;
  double gap_s_;
  std::optional<std::string> meaning_;
  double start_ = 0, end_ = 0;
  bool done_ = false;
};

// The first recording of a log (read once, labels only); throws InputError if the log has no
// label column or no row labelled upright.
std::pair<double, double> first_recording(const std::string& path, const Config& config);

// How a subject's upright baseline is set.
enum class BaselineChoice { learnt, first_recording };

// A simulated sitter, run through the analysis in memory and scored; with `postures`, their
// posture model decides (analysis/posture_model.hpp).
SubjectScore score_sitter(const PopulationSitter& sitter, const Config& config, BaselineChoice baseline,
                          double settle_s, const PostureModel* postures = nullptr);

// Every subject, then the mean and the worst of each figure.
std::string population_report(const std::vector<SubjectScore>& scores);
nlohmann::ordered_json population_json(const std::vector<SubjectScore>& scores);

}  // namespace chairhub
