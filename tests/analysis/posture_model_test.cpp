#include "analysis/posture_model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <ostream>

#include "analysis/posture_fit.hpp"

namespace chairhub {

void PrintTo(Posture p, std::ostream* os);

namespace {

// A sitter whose postures lie at known spots, with a little wobble.
PostureInputs at(double x, double y, double lumbar, double wobble = 0) {
  PostureInputs in{x + wobble, y - wobble, lumbar + wobble};
  in.seat_drop = 0.01 * wobble;
  return in;
}

Baseline upright_baseline() {
  Baseline b;
  b.lumbar = 0.5;
  b.seat_kg = 60;
  return b;
}

// `rows` samples of each posture, each after a settle of five samples.
PostureSamples samples_of(std::size_t rows) {
  PostureSamples s(0.9);
  const Baseline b = upright_baseline();
  double t = 0;
  auto hold = [&](const std::string& label, Posture p, double x, double y, double lumbar) {
    for (std::size_t i = 0; i < rows + 5; ++i) {  // the first five are within the settle
      const double wobble = 0.01 * std::sin(static_cast<double>(i) * 1.7);
      s.add(t, label, p, at(x, y, lumbar, wobble), b);
      t += 0.2;
    }
  };
  hold("upright", Posture::upright, 0, 0, 0.5);
  hold("slouching", Posture::slouching, 0, 0.05, 0.05);
  hold("leaning_left", Posture::leaning_left, -0.3, 0, 0.4);
  hold("wrong_3", Posture::other, 0.1, -0.1, 0.9);
  return s;
}

TEST(PostureModel, FeatureNamesRoundTrip) {
  for (auto f : kAllPostureFeatures) EXPECT_EQ(posture_feature_from_string(to_string(f)), f);
  EXPECT_EQ(posture_feature_from_string("tilt"), std::nullopt);
}

TEST(PostureModel, FeaturesAreRelativeToTheBaseline) {
  Baseline b = upright_baseline();
  b.cop_x = 0.1;
  PostureInputs in{0.3, 0.2, 0.7};
  in.feet_rise = -0.4;
  EXPECT_DOUBLE_EQ(*posture_feature(PostureFeature::cop_x, in, b), 0.2);
  EXPECT_DOUBLE_EQ(*posture_feature(PostureFeature::lumbar, in, b), 0.2);
  EXPECT_FALSE(posture_feature(PostureFeature::feet_press, in, b));  // lifted feet press nothing
  EXPECT_FALSE(posture_feature(PostureFeature::seat_drop, in, b));
}

TEST(PostureModel, FitsMeansAndAPooledCovariance) {
  const PostureModel m = fit_posture_model(samples_of(20), upright_baseline());
  ASSERT_EQ(m.classes.size(), 4u);
  // seat_drop is measured on every row; feet_press on none (no foot pads).
  EXPECT_EQ(m.features, (std::vector{PostureFeature::cop_x, PostureFeature::cop_y, PostureFeature::lumbar,
                                     PostureFeature::seat_drop}));
  EXPECT_EQ(m.classes[2].label, "leaning_left");
  EXPECT_EQ(m.classes[2].rows, 20u);
  EXPECT_NEAR(m.classes[2].mean[0], -0.3, 0.01);
  EXPECT_EQ(m.classes[3].posture, Posture::other);
  // The wobble is below the floors: the variances are floored (0.02 on the centre of pressure).
  EXPECT_NEAR(m.covariance[0][0], 0.02 * 0.02, 1e-9);
  EXPECT_TRUE(m.prepared());
}

TEST(PostureModel, NamesTheNearestClass) {
  const PostureModel m = fit_posture_model(samples_of(20), upright_baseline());
  const Baseline b = upright_baseline();
  EXPECT_EQ(m.classify(at(0.01, 0, 0.48), b, std::nullopt), Posture::upright);
  EXPECT_EQ(m.classify(at(-0.28, 0.01, 0.42), b, std::nullopt), Posture::leaning_left);
  EXPECT_EQ(m.classify(at(0, 0.04, 0.1), b, std::nullopt), Posture::slouching);
  EXPECT_EQ(m.classify(at(0.1, -0.1, 0.85), b, std::nullopt), Posture::other);  // an unnamed class
}

TEST(PostureModel, FarFromEveryClassIsOther) {
  const PostureModel m = fit_posture_model(samples_of(20), upright_baseline());
  EXPECT_EQ(m.classify(at(0.5, 0.5, 0.5), upright_baseline(), std::nullopt), Posture::other);
}

TEST(PostureModel, HeldPostureIsKeptBetweenTwoClasses) {
  PostureModel m = fit_posture_model(samples_of(20), upright_baseline());
  m.reject = 100;  // far from both, but not to be rejected here
  m.hysteresis = 2;
  const Baseline b = upright_baseline();
  // Halfway between upright and slouching in contact, a little nearer slouching.
  const auto between = at(0, 0.026, 0.26);
  EXPECT_EQ(m.classify(between, b, std::nullopt), Posture::slouching);
  EXPECT_EQ(m.classify(between, b, Posture::upright), Posture::upright);
}

TEST(PostureModel, AFeatureNotMeasurableIsLeftOut) {
  const PostureModel m = fit_posture_model(samples_of(20), upright_baseline());
  // No backrest reading: the centre of pressure still tells leaning left from upright.
  EXPECT_EQ(m.classify(PostureInputs{-0.3, 0, std::nullopt}, upright_baseline(), std::nullopt), Posture::leaning_left);
  EXPECT_EQ(m.classify(PostureInputs{0, 0, std::nullopt}, upright_baseline(), std::nullopt), Posture::upright);
}

TEST(PostureModel, LiftedFeetSayNothing) {
  PostureInputs in{0, 0, 0.5};
  in.feet_rise = -0.6;
  EXPECT_FALSE(posture_feature(PostureFeature::feet_press, in, upright_baseline()));
  in.feet_rise = 0.15;
  EXPECT_DOUBLE_EQ(*posture_feature(PostureFeature::feet_press, in, upright_baseline()), 0.15);
}

TEST(PostureModel, RefusesTooFewSamples) {
  try {
    fit_posture_model(samples_of(6), upright_baseline());
    FAIL() << "no error";
  } catch (const PostureFitError& e) {
    EXPECT_NE(std::string(e.what()).find("too few usable samples of upright (6), slouching (6)"), std::string::npos)
        << e.what();
  }
}

TEST(PostureModel, RefusesWithoutUpright) {
  PostureSamples s(0);
  for (int i = 0; i < 20; ++i) s.add(i, "slouching", Posture::slouching, at(0, 0.05, 0), upright_baseline());
  EXPECT_THROW(fit_posture_model(s, upright_baseline()), PostureFitError);
}

TEST(PostureModel, RefusesUprightAlone) {
  PostureSamples s(0);
  for (int i = 0; i < 20; ++i) s.add(i, "upright", Posture::upright, at(0, 0, 0.5), upright_baseline());
  try {
    fit_posture_model(s, upright_baseline());
    FAIL() << "no error";
  } catch (const PostureFitError& e) {
    EXPECT_NE(std::string(e.what()).find("at least one other posture"), std::string::npos) << e.what();
  }
}

TEST(PostureModel, RefusesNothing) { EXPECT_THROW(fit_posture_model(PostureSamples(0), {}), PostureFitError); }

TEST(PostureModel, SamplesSkipTheSettleAndUnjudgedRows) {
  PostureSamples s(1);
  s.add(0, "upright", Posture::upright, at(0, 0, 0.5), {});
  s.add(1.5, "upright", Posture::upright, std::nullopt, {});   // nothing judged
  s.add(2, "upright", Posture::upright, at(0, 0, 0.5), {});
  s.add(2.2, "", std::nullopt, at(0, 0, 0.5), {});             // not a posture: the settle restarts
  s.add(2.4, "upright", Posture::upright, at(0, 0, 0.5), {});
  ASSERT_EQ(s.classes().size(), 1u);
  EXPECT_EQ(s.classes()[0].rows, 1u);
}

TEST(PostureModel, PrepareRefusesABadCovariance) {
  PostureModel m = fit_posture_model(samples_of(20), upright_baseline());
  std::string why;
  m.covariance[0][0] = -1;
  EXPECT_FALSE(m.prepare(why));
  EXPECT_EQ(why, "the covariance is not positive definite");
  m.covariance.pop_back();
  EXPECT_FALSE(m.prepare(why));
  EXPECT_FALSE(m.prepared());
  EXPECT_EQ(m.classify(at(0, 0, 0.5), upright_baseline(), std::nullopt), std::nullopt);
}

}  // namespace
}  // namespace chairhub
