#include "eval/posture_calibration.hpp"

#include <gtest/gtest.h>

#include "core/input_error.hpp"
#include "eval/population_eval.hpp"
#include "sim/simulated_chair.hpp"

namespace chairhub {
namespace {

Sample sample_at(double t) { return {t, std::vector<double>(8, 0.0)}; }

TEST(PostureCalibration, HoldsEveryPostureUprightFirstTheFirstLonger) {
  const Config config;  // occupancy's debounce 2 s: the first hold 10 + 2 + 1 s
  PostureCalibration steps(config, Units::calibrated, 10);
  ASSERT_EQ(steps.steps(), 6u);
  EXPECT_EQ(steps.hold().posture, Posture::upright);
  EXPECT_DOUBLE_EQ(steps.hold_seconds(), 13);
  EXPECT_DOUBLE_EQ(steps.seconds_left(), 13);
  EXPECT_FALSE(steps.add(sample_at(100)));
  EXPECT_FALSE(steps.add(sample_at(104.5)));
  EXPECT_DOUBLE_EQ(steps.seconds_left(), 8.5);
  EXPECT_FALSE(steps.add(sample_at(113)));  // time from the samples: 13 s is still the hold
  EXPECT_TRUE(steps.add(sample_at(113.1)));
  EXPECT_EQ(steps.step(), 1u);
  EXPECT_EQ(steps.hold().posture, Posture::slouching);
  EXPECT_DOUBLE_EQ(steps.seconds_left(), 10);  // the next hold starts at its first sample
  EXPECT_FALSE(steps.add(sample_at(200)));
  EXPECT_TRUE(steps.add(sample_at(210.5)));
  for (std::size_t i = 2; i < 6; ++i) {
    EXPECT_FALSE(steps.add(sample_at(300.0 * i)));
    EXPECT_TRUE(steps.add(sample_at(300.0 * i + 11)));
  }
  EXPECT_TRUE(steps.done());
  EXPECT_FALSE(steps.add(sample_at(5000)));
  EXPECT_DOUBLE_EQ(steps.seconds_left(), 0);
}

TEST(PostureCalibration, TheSimulatedSitterHoldsTheSamePostures) {
  const Scenario s = guided_calibration(population_sitter(3), 10);
  ASSERT_EQ(s.steps.size(), posture_holds().size() + 2);
  for (std::size_t i = 0; i < posture_holds().size(); ++i) EXPECT_EQ(s.steps[i + 1].posture, posture_holds()[i].posture);
}

// The guided calibration's samples, fed as they come: the model of every posture.
TEST(PostureCalibration, LearnsTheSitterFromTheLiveSamples) {
  const Config config;
  const Scenario scenario = guided_calibration(population_sitter(7), 10);
  SimulatedChair chair(scenario, config.layout);
  PostureCalibration steps(config, scenario.units, 10);
  Sample sample;
  std::string label;
  while (!steps.done() && chair.next(sample, label)) steps.add(sample);
  ASSERT_TRUE(steps.done());
  const PostureModel model = steps.learn("test");
  EXPECT_EQ(model.classes.size(), 6u);
}

TEST(PostureCalibration, AnEmptyChairIsRefusedSayingWhy) {
  const Config config;
  PostureCalibration steps(config, Units::calibrated, 2);
  for (double t = 0; !steps.done(); t += 0.1) steps.add(sample_at(t));
  try {
    steps.learn("the test chair");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the test chair"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("nobody was seen seated"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace chairhub
