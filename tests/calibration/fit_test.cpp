#include "calibration/fit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace chairhub;

namespace {

// Four cells at the seat's corners (x, y in -1..1); a weight at (x, y) shares out bilinearly.
std::vector<double> loads(double kg, double x, double y) {
  const double fx[2] = {(1 - x) / 2, (1 + x) / 2}, fy[2] = {(1 - y) / 2, (1 + y) / 2};
  return {kg * fx[0] * fy[1], kg * fx[1] * fy[1], kg * fx[0] * fy[0], kg * fx[1] * fy[0]};
}

}  // namespace

TEST(CalibrationFit, TareIsTheMeanSkippingGaps) {
  const double nan = std::nan("");
  const auto m = column_means({{1, 10}, {3, nan}, {nan, 30}});
  EXPECT_DOUBLE_EQ(m[0], 2);
  EXPECT_DOUBLE_EQ(m[1], 20);
  try {
    column_means({{1, nan}}, {"seat_fl", "seat_fr"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("seat_fr gave no readings"), std::string::npos);
  }
}

TEST(CalibrationFit, RecoversPerCellScalesFromCentreAndCorners) {
  const std::vector<double> offsets = {1000, -2000, 500, 42};
  const std::vector<double> counts_per_kg = {20000, -21000, 19500, 20500};  // one cell wired reversed
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0, 30);
  std::vector<Placement> placements;
  const struct { const char* where; double x, y; } spots[] = {
      {"centre", 0, 0}, {"front left", -0.8, 0.8}, {"front right", 0.8, 0.8}, {"back left", -0.8, -0.8}, {"back right", 0.8, -0.8}};
  for (const auto& s : spots) {
    const auto kg = loads(10, s.x, s.y);
    Placement p{s.where, 10, {}};
    for (int i = 0; i < 4; ++i) p.raw.push_back(offsets[i] + kg[i] * counts_per_kg[i] + noise(rng));
    placements.push_back(p);
  }
  const ScaleFit fit = solve_scales(offsets, placements);
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(fit.scale[i], 1 / counts_per_kg[i], 1e-3 / std::abs(counts_per_kg[i])) << i;
  EXPECT_LT(fit.rms_kg, 0.01);
  EXPECT_FALSE(fit.worst_where.empty());
}

TEST(CalibrationFit, DeadCellIsNamed) {
  const std::vector<double> offsets = {0, 0, 0, 0};
  std::vector<Placement> placements;
  for (auto [x, y] : {std::pair{0.0, 0.0}, {-1.0, 1.0}, {1.0, 1.0}, {-1.0, -1.0}, {1.0, -1.0}}) {
    auto kg = loads(5, x, y);
    Placement p{"spot", 5, {kg[0] * 1e4, 0, kg[2] * 1e4, kg[3] * 1e4}};
    placements.push_back(p);
  }
  try {
    solve_scales(offsets, placements, {"seat_fl", "seat_fr", "seat_bl", "seat_br"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("seat_fr did not respond"), std::string::npos);
  }
}

TEST(CalibrationFit, TooFewOrAlikePlacementsAreRefused) {
  const std::vector<double> offsets = {0, 0, 0, 0};
  const auto c = loads(10, 0, 0);
  std::vector<Placement> same(5, Placement{"centre", 10, {c[0] * 1e4, c[1] * 1e4, c[2] * 1e4, c[3] * 1e4}});
  EXPECT_THROW(solve_scales(offsets, {same[0], same[1]}), std::invalid_argument);
  try {
    solve_scales(offsets, same);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("centre and at each corner"), std::string::npos);
  }
}

TEST(CalibrationFit, PadLevels) {
  const PadLevels l = pad_levels(200, 18000, "lumbar_l");
  EXPECT_EQ(l.empty, 200);
  EXPECT_EQ(l.full, 18000);
  EXPECT_THROW(pad_levels(200, 250, "lumbar_l"), std::invalid_argument);
}
