#pragma once
// Learning a sitter's posture model (posture_model.hpp) from samples of them holding each
// posture: from a labelled log (chairhub learn) or a guided calibration (chairhub calibrate
// --postures). The class means, and one covariance pooled over the classes, shrunk toward its
// diagonal and floored, since a few seconds of each posture are too few to trust every
// correlation, and a very still sitter must not make every small movement a departure.
#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/posture_model.hpp"

namespace chairhub {

struct PostureFitOptions {
  double settle_s = 3;        // a label's first seconds are the movement into it: not learnt
  std::size_t min_rows = 10;  // fewer samples of a posture than this is not enough
  double shrinkage = 0.3;     // weight of the diagonal in the covariance (0 = as measured)
  double reject = 8;          // PostureModel::reject
  double hysteresis = 0.5;    // PostureModel::hysteresis
};

// How long a guided calibration may have each posture held, seconds (the command line's
// --hold and the MQTT command's hold_s).
constexpr double kMinPostureHoldSeconds = 2;
constexpr double kMaxPostureHoldSeconds = 120;
constexpr double kDefaultPostureHoldSeconds = 10;

// Bad or incomplete data: what() says what is missing, for the person calibrating.
class PostureFitError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// The samples of each posture, gathered one by one.
class PostureSamples {
 public:
  // `first_only`: only each label's first recording (its first unbroken stretch: the label
  // changes, or the time jumps by more than 2 s, between two recordings) is learnt, so that its
  // later recordings can be scored as unseen.
  explicit PostureSamples(double settle_s, bool first_only = false) : settle_s_(settle_s), first_only_(first_only) {}

  // The sitter meant to hold `label`, reported as `posture` (none: not a posture, such as an
  // empty chair) at time `t`; `inputs` is none when the analysis could not judge posture then.
  void add(double t, const std::string& label, std::optional<Posture> posture,
           const std::optional<PostureInputs>& inputs, const Baseline& baseline);

  struct Row {
    std::size_t class_index = 0;
    std::array<std::optional<double>, kAllPostureFeatures.size()> x;  // in kAllPostureFeatures order
  };
  struct Class {
    std::string label;
    Posture posture = Posture::upright;
    std::size_t rows = 0;
  };
  const std::vector<Class>& classes() const { return classes_; }
  const std::vector<Row>& rows() const { return rows_; }

 private:
  double settle_s_;
  bool first_only_;
  std::vector<std::string> finished_;  // labels whose first recording is over
  std::string current_;
  std::optional<double> since_, last_t_;
  std::vector<Class> classes_;
  std::vector<Row> rows_;
};

// Fits the model; `baseline` is the upright the samples were measured against. Throws
// PostureFitError when the samples cannot make a model.
PostureModel fit_posture_model(const PostureSamples& samples, const Baseline& baseline,
                               const PostureFitOptions& options = {});

// The least standard deviation of each feature within a posture: about the sensors' and the
// sitter's own wobble. Below it a difference is not a different posture.
double posture_feature_floor(PostureFeature feature);

}  // namespace chairhub
