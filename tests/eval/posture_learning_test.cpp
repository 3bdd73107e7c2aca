#include "eval/posture_learning.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/input_error.hpp"
#include "eval/population_eval.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

TEST(PostureLearning, LabelsAsPostures) {
  const std::map<std::string, std::string> meanings = {{"wrong_2", "not_upright"}, {"away", "empty"}, {"x", "ignore"}};
  EXPECT_EQ(label_posture(meanings, "slouching"), Posture::slouching);
  EXPECT_EQ(label_posture(meanings, "wrong_2"), Posture::other);
  EXPECT_EQ(label_posture(meanings, "away"), std::nullopt);
  EXPECT_EQ(label_posture(meanings, "x"), std::nullopt);
  EXPECT_EQ(label_posture(meanings, "dancing"), std::nullopt);
}

TEST(PostureLearning, GuidedCalibrationHoldsEveryPostureUprightFirst) {
  const Scenario s = guided_calibration(population_sitter(3), 10);
  ASSERT_EQ(s.steps.size(), 8u);
  EXPECT_EQ(s.steps[1].posture, Posture::upright);
  EXPECT_EQ(s.steps[6].posture, Posture::reclined);
  EXPECT_DOUBLE_EQ(s.steps[2].duration_s, 10);
  EXPECT_NE(s.seed, population_sitter(3).scenario.seed);
}

TEST(PostureLearning, ACalibratedSitterIsNamedRight) {
  const Config config;
  const auto sitter = population_sitter(7);
  const PostureModel model = calibrate_sitter(sitter, config, {});
  EXPECT_EQ(model.classes.size(), 6u);
  const SubjectScore score = score_sitter(sitter, config, BaselineChoice::learnt, 5, &model);
  ASSERT_TRUE(score.agreement());
  EXPECT_GE(*score.agreement(), 0.99);
}

TEST(PostureLearning, LogsWithoutLabelsAreRefused) {
  testing_support::TempDir dir;
  const auto log = dir.write("plain.csv",
                             "# units: calibrated\n"
                             "t,seat_fl,seat_fr,seat_bl,seat_br,lumbar_l,lumbar_r,foot_l,foot_r\n"
                             "0,10,10,10,10,0.5,0.5,0.5,0.5\n");
  try {
    learn_postures({log}, Config{}, {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no 'label' column"), std::string::npos) << e.what();
  }
}

TEST(PostureLearning, TooShortAPostureIsSaid) {
  testing_support::TempDir dir;
  std::string text = "# units: calibrated\n"
                             "t,seat_fl,seat_fr,seat_bl,seat_br,lumbar_l,lumbar_r,foot_l,foot_r,label\n";
  for (int i = 0; i < 200; ++i) {
    const double t = i * 0.2;
    const bool slouch = t >= 36;  // 4 s: after its 3 s settle, 5 samples
    // every channel wobbles a little: a still one would be taken for a stuck sensor
    const auto w = [i](int k) { return 0.02 * std::sin(i * 0.7 + k); };
    const double back = slouch ? 0.02 : 0.5;
    char row[200];
    std::snprintf(row, sizeof row, "%.1f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%s\n", t, 15 + w(0), 15 + w(1),
                  15 + w(2), 15 + w(3), back + w(4), back + w(5), 0.5 + w(6), 0.5 + w(7),
                  slouch ? "slouching" : "upright");
    text += row;
  }
  const auto log = dir.write("short.csv", text);
  try {
    learn_postures({log}, Config{}, {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("too few usable samples of slouching"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("short.csv: cannot learn postures"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace chairhub
