#include "analysis/posture_model.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

namespace chairhub {

std::string_view to_string(PostureFeature feature) {
  switch (feature) {
    case PostureFeature::cop_x: return "cop_x";
    case PostureFeature::cop_y: return "cop_y";
    case PostureFeature::lumbar: return "lumbar";
    case PostureFeature::seat_drop: return "seat_drop";
    case PostureFeature::feet_press: return "feet_press";
  }
  return "?";
}

std::optional<PostureFeature> posture_feature_from_string(std::string_view text) {
  for (PostureFeature f : kAllPostureFeatures)
    if (to_string(f) == text) return f;
  return std::nullopt;
}

std::optional<double> posture_feature(PostureFeature feature, const PostureInputs& in, const Baseline& baseline) {
  switch (feature) {
    case PostureFeature::cop_x: return in.cop_x - baseline.cop_x;
    case PostureFeature::cop_y: return in.cop_y - baseline.cop_y;
    case PostureFeature::lumbar:
      if (!in.lumbar || !baseline.lumbar) return std::nullopt;
      return *in.lumbar - *baseline.lumbar;
    case PostureFeature::seat_drop: return in.seat_drop;
    case PostureFeature::feet_press:
      // Tucked or dangling feet leave the pads: that says nothing about the posture.
      if (!in.feet_rise || *in.feet_rise < -PostureModel::kFeetLifted) return std::nullopt;
      return *in.feet_rise;
  }
  return std::nullopt;
}

namespace {

// The inverse of the covariance of every subset of the features (bit i: feature i), each as a
// d x d row-major matrix with zeros for the features left out: a marginal of a Gaussian keeps
// the covariance's sub-matrix. False, with `why`, when one is not positive definite.
bool invert_subsets(const Eigen::MatrixXd& s, std::vector<std::vector<double>>& precision, std::string& why) {
  const Eigen::Index n = s.rows();
  const auto d = static_cast<std::size_t>(n);
  precision.assign(std::size_t{1} << d, {});
  for (std::size_t mask = 1; mask < precision.size(); ++mask) {
    std::vector<Eigen::Index> kept;
    for (Eigen::Index i = 0; i < n; ++i)
      if (mask & (std::size_t{1} << i)) kept.push_back(i);
    const auto m = static_cast<Eigen::Index>(kept.size());
    Eigen::MatrixXd sub(m, m);
    for (Eigen::Index a = 0; a < m; ++a)
      for (Eigen::Index b = 0; b < m; ++b) sub(a, b) = s(kept[static_cast<std::size_t>(a)], kept[static_cast<std::size_t>(b)]);
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(sub);
    if (ldlt.info() != Eigen::Success || !ldlt.isPositive() || (ldlt.vectorD().array() <= 1e-12).any()) {
      why = "the covariance is not positive definite";
      return false;
    }
    const Eigen::MatrixXd inverse = ldlt.solve(Eigen::MatrixXd::Identity(m, m));
    if (!inverse.allFinite()) {
      why = "the covariance cannot be inverted";
      return false;
    }
    auto& p = precision[mask];
    p.assign(d * d, 0);
    for (Eigen::Index a = 0; a < m; ++a)
      for (Eigen::Index b = 0; b < m; ++b)
        p[static_cast<std::size_t>(kept[static_cast<std::size_t>(a)] * n + kept[static_cast<std::size_t>(b)])] =
            inverse(a, b);
  }
  return true;
}

}  // namespace

bool PostureModel::prepare(std::string& why) {
  precision_.clear();
  const auto d = features.size();
  if (d == 0 || d > kAllPostureFeatures.size()) {
    why = "needs between 1 and " + std::to_string(kAllPostureFeatures.size()) + " features";
    return false;
  }
  if (classes.empty()) {
    why = "has no posture classes";
    return false;
  }
  for (const auto& c : classes) {
    if (c.mean.size() != d) {
      why = "class '" + c.label + "' has " + std::to_string(c.mean.size()) + " means for " + std::to_string(d) +
            " features";
      return false;
    }
  }
  if (covariance.size() != d ||
      std::any_of(covariance.begin(), covariance.end(), [d](const auto& row) { return row.size() != d; })) {
    why = "the covariance must be " + std::to_string(d) + " rows of " + std::to_string(d) + " numbers";
    return false;
  }
  const auto n = static_cast<Eigen::Index>(d);
  Eigen::MatrixXd s(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) s(i, j) = covariance[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
  if (!s.isApprox(s.transpose(), 1e-9)) {
    why = "the covariance is not symmetric";
    return false;
  }
  if (!s.allFinite()) {
    why = "the covariance is not finite";
    return false;
  }
  std::vector<std::vector<double>> precision;
  if (!invert_subsets(s, precision, why)) return false;
  precision_ = std::move(precision);
  return true;
}

namespace {

// The squared Mahalanobis distance of x from mean, x of `d` features; the precision's rows and
// columns of a feature not measured are zero, so its value (0) does not count.
double squared_distance(const double* x, const std::vector<double>& mean, const std::vector<double>& precision,
                        std::size_t d) {
  double sum = 0;
  for (std::size_t i = 0; i < d; ++i) {
    const double di = x[i] - mean[i];
    double row = 0;
    for (std::size_t j = 0; j < d; ++j) row += precision[i * d + j] * (x[j] - mean[j]);
    sum += di * row;
  }
  return std::max(sum, 0.0);
}

}  // namespace

std::vector<double> PostureModel::distances(const std::vector<double>& x) const {
  std::vector<double> out;
  if (!prepared() || x.size() != features.size()) return out;
  const auto& all = precision_.back();
  for (const auto& c : classes) out.push_back(std::sqrt(squared_distance(x.data(), c.mean, all, x.size())));
  return out;
}

std::optional<Posture> PostureModel::classify(const PostureInputs& in, const Baseline& base,
                                              std::optional<Posture> held) const {
  if (!prepared()) return std::nullopt;
  std::array<double, kAllPostureFeatures.size()> x{};
  const std::size_t d = features.size();
  std::size_t measured = 0;
  for (std::size_t i = 0; i < d; ++i) {
    if (const auto v = posture_feature(features[i], in, base)) {
      x[i] = *v;
      measured |= std::size_t{1} << i;
    }
  }
  if (measured == 0) return std::nullopt;
  const auto& precision = precision_[measured];
  // The posture held is a little easier to keep than another is to reach, so a sitter between
  // two classes does not flicker.
  double best = std::numeric_limits<double>::infinity();
  Posture posture = Posture::other;
  for (const auto& c : classes) {
    double distance = std::sqrt(squared_distance(x.data(), c.mean, precision, d));
    if (held == c.posture) distance -= hysteresis;
    if (distance < best) {
      best = distance;
      posture = c.posture;
    }
  }
  const double reject_at = held == Posture::other ? reject - hysteresis : reject;
  return best > reject_at ? Posture::other : posture;
}

}  // namespace chairhub
