#pragma once
// A posture model learnt for one sitter (chairhub learn, chairhub calibrate --postures): where
// each of their postures lies in the same sitter-relative evidence the rules of posture.cpp
// judge, and how much that evidence varies within a posture. A sample is named after the class
// nearest to it by Mahalanobis distance under the pooled covariance; one far from every class
// is `other`. With a model, the fixed thresholds no longer decide for that sitter.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/posture.hpp"
#include "core/baseline.hpp"
#include "core/posture.hpp"

namespace chairhub {

// One piece of evidence, relative to the sitter's upright baseline.
enum class PostureFeature {
  cop_x,      // sideways shift of the centre of pressure
  cop_y,      // forward shift of the centre of pressure
  lumbar,     // backrest contact minus the baseline's
  seat_drop,  // share of the upright seat load gone (PostureInputs::seat_drop)
  feet_press  // rise of the foot pads' contact; not measured while the feet are off the pads
};
inline constexpr std::array kAllPostureFeatures = {PostureFeature::cop_x, PostureFeature::cop_y,
                                                   PostureFeature::lumbar, PostureFeature::seat_drop,
                                                   PostureFeature::feet_press};
std::string_view to_string(PostureFeature feature);
std::optional<PostureFeature> posture_feature_from_string(std::string_view text);

// The value of one feature for a sample, or none when the chair cannot measure it now (no
// backrest, no foot pads, the baseline lacks it, the feet are off the pads).
std::optional<double> posture_feature(PostureFeature feature, const PostureInputs& in, const Baseline& baseline);

// One posture as the sitter holds it. Several classes may name the same posture (a labelled
// log's unnamed postures are each a class reported as `other`).
struct PostureClass {
  std::string label;  // the label it was learnt from ("slouching", "wrong_3")
  Posture posture = Posture::upright;
  std::size_t rows = 0;       // how many samples it was learnt from
  std::vector<double> mean;   // in the model's feature order
};

struct PostureModel {
  static constexpr int kVersion = 1;
  std::vector<PostureFeature> features;
  std::vector<PostureClass> classes;
  std::vector<std::vector<double>> covariance;  // pooled within the classes, shrunk, floored
  // Farther than this (in standard deviations) from every class: other. As far as the rules'
  // departure from the upright pattern (PostureConfig::departure).
  double reject = 8;
  double hysteresis = 0.5;  // the posture held is kept unless another is this much nearer
  Baseline baseline;        // the upright the evidence was measured against

  // Works out the inverse of the covariance; false when it is not positive definite or the
  // sizes do not agree, and `why` says what is wrong. classify() needs it done.
  bool prepare(std::string& why);
  bool prepared() const { return !precision_.empty(); }

  // Feet this far below the baseline's foot-pad contact are off the pads (tucked, dangling).
  static constexpr double kFeetLifted = 0.25;

  // The posture for a sample; none when the model is not prepared. A feature that cannot be
  // measured now (a pad's fault, the feet lifted) is left out: the distance is then the one of
  // the features that can, under their own covariance.
  std::optional<Posture> classify(const PostureInputs& in, const Baseline& baseline,
                                  std::optional<Posture> held) const;
  // Mahalanobis distance of `x` (features in model order) to each class.
  std::vector<double> distances(const std::vector<double>& x) const;

 private:
  // Per set of features measured (bit i: feature i), the row-major inverse of their covariance,
  // zero in the rows and columns of the others; worked out once, so no sample inverts.
  std::vector<std::vector<double>> precision_;
};

}  // namespace chairhub
