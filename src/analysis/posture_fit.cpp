// Eigen does the covariance and checks it can be inverted; the model keeps plain vectors.
#include "analysis/posture_fit.hpp"

#include <Eigen/Dense>
#include <algorithm>

namespace chairhub {

double posture_feature_floor(PostureFeature feature) {
  switch (feature) {
    case PostureFeature::cop_x:
    case PostureFeature::cop_y: return 0.02;
    case PostureFeature::lumbar: return 0.03;
    case PostureFeature::seat_drop: return 0.02;
    case PostureFeature::feet_press: return 0.03;
  }
  return 0.02;
}

void PostureSamples::add(double t, const std::string& label, std::optional<Posture> posture,
                         const std::optional<PostureInputs>& inputs, const Baseline& baseline) {
  constexpr double kGapS = 2;  // a longer jump in time is another recording
  const bool gap = last_t_ && t - *last_t_ > kGapS;
  last_t_ = t;
  if (since_ && (!posture || label != current_ || gap)) {
    finished_.push_back(current_);
    if (gap) since_.reset();  // a new recording: its own settle
  }
  if (!posture) {
    current_.clear();
    since_.reset();
    return;
  }
  if (!since_ || label != current_) {
    current_ = label;
    since_ = t;
  }
  if (!inputs || t - *since_ < settle_s_) return;
  if (first_only_ && std::find(finished_.begin(), finished_.end(), label) != finished_.end()) return;
  auto it = std::find_if(classes_.begin(), classes_.end(), [&](const Class& c) { return c.label == label; });
  if (it == classes_.end()) it = classes_.insert(classes_.end(), Class{label, *posture, 0});
  ++it->rows;
  Row row;
  row.class_index = static_cast<std::size_t>(it - classes_.begin());
  for (std::size_t i = 0; i < kAllPostureFeatures.size(); ++i)
    row.x[i] = posture_feature(kAllPostureFeatures[i], *inputs, baseline);
  rows_.push_back(row);
}

namespace {

// The features measured on nearly every row (a pad's brief fault must not lose a feature); the
// rows missing one of them are left out.
std::vector<std::size_t> usable_features(const std::vector<PostureSamples::Row>& rows) {
  std::vector<std::size_t> used;
  for (std::size_t i = 0; i < kAllPostureFeatures.size(); ++i) {
    const auto n = std::count_if(rows.begin(), rows.end(), [i](const auto& r) { return r.x[i].has_value(); });
    if (static_cast<double>(n) >= 0.9 * static_cast<double>(rows.size())) used.push_back(i);
  }
  return used;
}

void check_classes(const std::vector<PostureSamples::Class>& classes, const std::vector<std::size_t>& counts,
                   const PostureFitOptions& options) {
  if (classes.empty())
    throw PostureFitError("no samples of a seated sitter holding a posture: nothing to learn from");
  if (std::none_of(classes.begin(), classes.end(), [](const auto& c) { return c.posture == Posture::upright; }))
    throw PostureFitError("no posture labelled upright: the model needs the sitter's own upright sitting");
  if (classes.size() < 2)
    throw PostureFitError("only '" + classes.front().label + "' was held: the model needs at least one other posture");
  std::string short_ones;
  for (std::size_t k = 0; k < classes.size(); ++k) {
    if (counts[k] >= options.min_rows) continue;
    short_ones += (short_ones.empty() ? "" : ", ") + classes[k].label + " (" + std::to_string(counts[k]) + ")";
  }
  if (!short_ones.empty()) {
    throw PostureFitError("too few usable samples of " + short_ones + "; each posture needs at least " +
                          std::to_string(options.min_rows) +
                          " samples while seated, after its first seconds: hold each one longer");
  }
}

}  // namespace

PostureModel fit_posture_model(const PostureSamples& samples, const Baseline& baseline,
                               const PostureFitOptions& options) {
  const auto& classes = samples.classes();
  const auto used = usable_features(samples.rows());
  std::vector<std::size_t> counts(classes.size(), 0);
  std::vector<const PostureSamples::Row*> rows;
  for (const auto& r : samples.rows()) {
    if (std::any_of(used.begin(), used.end(), [&r](std::size_t i) { return !r.x[i]; })) continue;
    rows.push_back(&r);
    ++counts[r.class_index];
  }
  check_classes(classes, counts, options);

  const auto d = static_cast<Eigen::Index>(used.size());
  const auto k = static_cast<Eigen::Index>(classes.size());
  Eigen::MatrixXd means = Eigen::MatrixXd::Zero(k, d);
  auto vector_of = [&](const PostureSamples::Row& r) {
    Eigen::VectorXd x(d);
    for (Eigen::Index i = 0; i < d; ++i) x(i) = *r.x[used[static_cast<std::size_t>(i)]];
    return x;
  };
  for (const auto* r : rows) means.row(static_cast<Eigen::Index>(r->class_index)) += vector_of(*r).transpose();
  for (Eigen::Index c = 0; c < k; ++c) means.row(c) /= static_cast<double>(counts[static_cast<std::size_t>(c)]);
  Eigen::MatrixXd scatter = Eigen::MatrixXd::Zero(d, d);
  for (const auto* r : rows) {
    const Eigen::VectorXd e = vector_of(*r) - means.row(static_cast<Eigen::Index>(r->class_index)).transpose();
    scatter += e * e.transpose();
  }
  const double dof = static_cast<double>(rows.size()) - static_cast<double>(k);
  Eigen::MatrixXd cov = scatter / std::max(dof, 1.0);
  // Shrunk toward its own diagonal, after flooring the variances: a correlation seen over a few
  // seconds is only partly believed.
  for (Eigen::Index i = 0; i < d; ++i) {
    const double floor = posture_feature_floor(kAllPostureFeatures[used[static_cast<std::size_t>(i)]]);
    cov(i, i) = std::max(cov(i, i), floor * floor);
  }
  const double lambda = std::clamp(options.shrinkage, 0.0, 1.0);
  const Eigen::MatrixXd diagonal = cov.diagonal().asDiagonal();
  cov = (1 - lambda) * cov + lambda * diagonal;

  PostureModel model;
  for (auto i : used) model.features.push_back(kAllPostureFeatures[i]);
  for (Eigen::Index c = 0; c < k; ++c) {
    const auto& src = classes[static_cast<std::size_t>(c)];
    PostureClass pc{src.label, src.posture, counts[static_cast<std::size_t>(c)], {}};
    for (Eigen::Index i = 0; i < d; ++i) pc.mean.push_back(means(c, i));
    model.classes.push_back(std::move(pc));
  }
  model.covariance.assign(static_cast<std::size_t>(d), std::vector<double>(static_cast<std::size_t>(d)));
  for (Eigen::Index i = 0; i < d; ++i)
    for (Eigen::Index j = 0; j < d; ++j) model.covariance[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = cov(i, j);
  model.reject = options.reject;
  model.hysteresis = options.hysteresis;
  model.baseline = baseline;
  model.baseline.pattern.clear();  // the file keeps the baseline's summary only
  model.baseline.spread.clear();
  std::string why;
  if (!model.prepare(why)) throw PostureFitError("the samples cannot make a model: " + why);
  return model;
}

}  // namespace chairhub
