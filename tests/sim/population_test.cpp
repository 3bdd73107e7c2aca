#include "sim/population.hpp"

#include <gtest/gtest.h>

#include <set>

#include "sim/simulated_chair.hpp"

namespace chairhub {
namespace {

TEST(Population, SameIndexSameSitter) {
  const auto a = population_sitter(3), b = population_sitter(3);
  EXPECT_EQ(a.name, "sitter_04");
  EXPECT_EQ(a.scenario.mass_kg, b.scenario.mass_kg);
  EXPECT_EQ(a.scenario.body.slouch_slide, b.scenario.body.slouch_slide);
  ASSERT_EQ(a.scenario.steps.size(), b.scenario.steps.size());
  for (std::size_t i = 0; i < a.scenario.steps.size(); ++i)
    EXPECT_EQ(a.scenario.steps[i].duration_s, b.scenario.steps[i].duration_s);
}

TEST(Population, SittersDifferWithinTheRanges) {
  using R = PopulationRanges;
  const auto sitters = make_population(50);
  ASSERT_EQ(sitters.size(), 50u);
  std::set<double> masses;
  double lightest = 1e9, heaviest = 0, least_slide = 1, most_slide = 0;
  for (const auto& p : sitters) {
    const Scenario& s = p.scenario;
    masses.insert(s.mass_kg);
    lightest = std::min(lightest, s.mass_kg);
    heaviest = std::max(heaviest, s.mass_kg);
    least_slide = std::min(least_slide, s.body.slouch_slide);
    most_slide = std::max(most_slide, s.body.slouch_slide);
    EXPECT_GE(s.mass_kg, R::mass_min);
    EXPECT_LE(s.mass_kg, R::mass_max);
    EXPECT_LE(std::abs(s.offset_x), R::offset);
    EXPECT_LE(std::abs(s.offset_y), R::offset);
    EXPECT_GE(s.body.lean_reach, R::reach_min);
    EXPECT_LE(s.body.lean_reach, R::reach_max);
    EXPECT_GE(s.body.seat_share, R::share_min);
    EXPECT_LE(s.body.seat_share, R::share_max);
    EXPECT_GE(s.body.back_firmness, R::firmness_min);
    EXPECT_LE(s.body.back_firmness, R::firmness_max);
  }
  EXPECT_EQ(masses.size(), 50u);
  // Fifty draws spread over most of each range.
  EXPECT_LT(lightest, 60);
  EXPECT_GT(heaviest, 125);
  EXPECT_LT(least_slide, 0.1);
  EXPECT_GT(most_slide, 0.3);
}

TEST(Population, EverySitterStartsUprightThenTakesEveryPostureAndAWorkday) {
  const auto sitter = population_sitter(0);
  const auto& steps = sitter.scenario.steps;
  ASSERT_GE(steps.size(), 3u);
  EXPECT_FALSE(steps[0].posture);
  EXPECT_EQ(steps[1].posture, Posture::upright);
  EXPECT_GE(steps[1].duration_s, 40);  // long enough to learn a baseline from
  std::set<Posture> seen;
  double total = 0;
  bool fidget = false;
  for (const auto& step : steps) {
    if (step.posture) seen.insert(*step.posture);
    fidget = fidget || (step.posture && step.duration_s < 2);
    total += step.duration_s;
  }
  EXPECT_EQ(seen.size(), kAllPostures.size() - 1);  // all but `other`, which nobody acts out
  EXPECT_TRUE(fidget);
  EXPECT_GT(total, 20 * 60);
}

TEST(Population, BodyGeometryMovesTheSlouch) {
  // A sitter who slides far when slouching puts the weight further forward than one who does not.
  auto front_load = [](double slide) {
    Scenario s;
    s.noise_kg = 0;
    s.noise_contact = 0;
    s.body.slouch_slide = slide;
    s.steps = {{Posture::slouching, Feet::flat, 5}};
    const auto layout = ChannelLayout::standard();
    SimulatedChair chair(s, layout);
    Sample sample;
    std::string label;
    double front = 0, total = 0;
    while (chair.next(sample, label)) {
      front = total = 0;
      for (std::size_t i = 0; i < layout.size(); ++i) {
        if (layout.channels[i].role != Role::seat) continue;
        total += sample.values[i];
        if (layout.channels[i].y > 0) front += sample.values[i];
      }
    }
    return front / total;
  };
  EXPECT_GT(front_load(0.35), front_load(0.06) + 0.1);
}

}  // namespace
}  // namespace chairhub
