#pragma once
// Scores the analysis's decisions against the ground truth in a log's `label` column:
// occupancy and posture, as confusion matrices with accuracy.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/chair_state.hpp"
#include "config/config.hpp"
#include "events/event.hpp"

namespace chairhub {

// What a log's label stands for: "empty", "not_upright" or a posture name, through `meanings`
// (the config's [eval.labels]) where it has an entry. None for no label, "ignore" and labels
// that mean nothing known: such rows are not scored.
std::optional<std::string> label_meaning(const std::map<std::string, std::string>& meanings,
                                         const std::string& label);

class Evaluation {
 public:
  // `meanings` maps labels to "empty", "ignore", "not_upright" or a posture name; a label that is
  // itself a posture name or "empty" needs no entry.
  explicit Evaluation(std::map<std::string, std::string> meanings) : meanings_(std::move(meanings)) {}

  void add(const std::string& label, const ChairState& state);

  struct Matrix {
    std::vector<std::string> truths, decisions;
    std::map<std::pair<std::string, std::string>, std::size_t> counts;
    std::size_t total = 0, correct = 0;
    double accuracy() const { return total ? static_cast<double>(correct) / total : 0; }
  };
  const Matrix& occupancy() const { return occupancy_; }
  const Matrix& posture() const { return posture_; }
  std::size_t unlabelled() const { return unlabelled_; }

  std::string report() const;
  nlohmann::ordered_json to_json() const;

 private:
  static void count(Matrix& m, const std::string& truth, const std::string& decided, bool right);

  std::map<std::string, std::string> meanings_;
  Matrix occupancy_, posture_;
  std::size_t unlabelled_ = 0;
};

}  // namespace chairhub
