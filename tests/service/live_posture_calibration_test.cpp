// chairhubd's posture calibration fed live samples (the MQTT command calibrate_postures): what
// it reports as it goes, the model it writes and uses, and what a cancel or bad data keeps.
#include "service/live_posture_calibration.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/posture_model_file.hpp"
#include "eval/population_eval.hpp"
#include "sim/simulated_chair.hpp"
#include "support/mqtt_support.hpp"

namespace chairhub {
namespace {

using Stage = mqtt::CalibrationProgress::Stage;
using mqtt::test::TempDir;

class LivePostureCalibrationTest : public ::testing::Test {
 protected:
  mqtt::CommandOutcome ask(const mqtt::CalibratePosturesCommand& c) { return calibration_.command(c); }
  void feed(const Sample& sample) {
    analysis_.feed(sample);
    calibration_.on_sample(sample);
  }
  // The sitter's guided calibration acted out by a simulated sitter.
  void sit() {
    SimulatedChair chair(guided_calibration(population_sitter(7), 5), config_.layout);
    Sample sample;
    std::string label;
    while (chair.next(sample, label)) feed(sample);
  }
  std::string model_file() const { return (dir_.path() / "postures.toml").string(); }

  TempDir dir_;
  Journal journal_;
  Config config_;
  SessionKeeper keeper_{dir_.path(), journal_};
  LiveAnalysis analysis_{config_, Units::calibrated, keeper_};
  std::vector<mqtt::CalibrationProgress> reports_;
  SitterProfiles profiles_{dir_.path()};
  LivePostureCalibration calibration_{analysis_, config_, profiles_, journal_,
                                      [this](const mqtt::CalibrationProgress& p) { reports_.push_back(p); }};
};

TEST_F(LivePostureCalibrationTest, GuidesThroughEveryPostureThenWritesAndUsesTheModel) {
  mqtt::CalibratePosturesCommand start;
  start.hold_s = 5;
  start.id = "c1";
  ASSERT_TRUE(ask(start).ok);
  EXPECT_TRUE(reports_.empty());  // the command's answer comes first
  feed({0, std::vector<double>(config_.layout.size(), 0.0)});
  ASSERT_EQ(reports_.size(), 1u);  // then what to hold first
  EXPECT_EQ(reports_[0].stage, Stage::hold);
  EXPECT_EQ(reports_[0].step, 1u);
  EXPECT_EQ(reports_[0].steps, 6u);
  EXPECT_EQ(reports_[0].posture, Posture::upright);
  EXPECT_EQ(reports_[0].seconds_left, 8);  // 5 s, and the 3 s in which sitting down is seen
  EXPECT_FALSE(reports_[0].seated);
  EXPECT_EQ(reports_[0].id, "c1");
  EXPECT_FALSE(ask(start).ok);  // one at a time

  sit();
  EXPECT_FALSE(calibration_.running());
  ASSERT_FALSE(reports_.empty());
  const auto& last = reports_.back();
  ASSERT_EQ(last.stage, Stage::done) << last.error;
  EXPECT_EQ(last.learnt.size(), 6u);
  EXPECT_EQ(last.id, "c1");
  // every hold said, each second once, and the sitter seen seated in the later ones
  std::size_t holds = 0, seated = 0;
  for (const auto& r : reports_) {
    holds += r.stage == Stage::hold && r.seconds_left == 5 && r.step > 1;
    seated += r.stage == Stage::hold && r.seated;
  }
  EXPECT_EQ(holds, 5u);
  EXPECT_GT(seated, 20u);
  EXPECT_LT(reports_.size(), 60u);
  EXPECT_EQ(load_posture_model(model_file()).classes.size(), 6u);
  ASSERT_TRUE(analysis_.analyzer().posture_model());
  EXPECT_EQ(analysis_.analyzer().posture_model()->classes.size(), 6u);
}

TEST_F(LivePostureCalibrationTest, AnEmptyChairFailsSayingWhyAndKeepsTheModel) {
  std::ofstream(model_file()) << "previous";
  ASSERT_TRUE(ask({}).ok);
  for (double t = 0; calibration_.running() && t < 1000; t += 0.1) feed({t, std::vector<double>(config_.layout.size(), 0.0)});
  ASSERT_EQ(reports_.back().stage, Stage::failed);
  EXPECT_NE(reports_.back().error.find("nobody was seen seated"), std::string::npos) << reports_.back().error;
  EXPECT_NE(reports_.back().error.find("stays as it was"), std::string::npos) << reports_.back().error;
  EXPECT_EQ(mqtt::test::read_text(model_file()), "previous");
  EXPECT_FALSE(analysis_.analyzer().posture_model());
}

TEST_F(LivePostureCalibrationTest, ANamedProfileGetsTheModelAndIsThenInUse) {
  mqtt::CalibratePosturesCommand start;
  start.hold_s = 5;
  start.profile = "anna";
  ASSERT_TRUE(ask(start).ok);
  sit();
  ASSERT_EQ(reports_.back().stage, Stage::done) << reports_.back().error;
  EXPECT_EQ(reports_.back().profile, "anna");
  EXPECT_EQ(profiles_.selected(), "anna");
  EXPECT_EQ(load_posture_model((dir_.path() / "profiles" / "anna.toml").string()).classes.size(), 6u);
  EXPECT_FALSE(std::filesystem::exists(model_file()));  // the chair's own model untouched
}

TEST_F(LivePostureCalibrationTest, ACancelEndsItAndWritesNothing) {
  mqtt::CalibratePosturesCommand cancel;
  cancel.cancel = true;
  EXPECT_NE(ask(cancel).error.find("no posture calibration"), std::string::npos);
  ASSERT_TRUE(ask({}).ok);
  feed({0, std::vector<double>(config_.layout.size(), 0.0)});
  ASSERT_TRUE(ask(cancel).ok);
  EXPECT_EQ(reports_.back().stage, Stage::cancelled);
  EXPECT_FALSE(calibration_.running());
  EXPECT_FALSE(std::filesystem::exists(model_file()));
}

}  // namespace
}  // namespace chairhub
