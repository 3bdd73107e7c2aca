// The sitter profiles in the state directory, and chairhubd choosing one: by the command (its
// model, and so its baseline, in use at once) or by the seated weight when it is plain whose.
#include "service/sitter_profiles.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "config/posture_model_file.hpp"
#include "service/command_actions.hpp"
#include "service/daemon_profiles.hpp"
#include "sim/simulated_chair.hpp"
#include "support/mqtt_support.hpp"

namespace chairhub {
namespace {

using mqtt::test::TempDir;

// A model whose baseline was learnt at `seat_kg`, upright at `cop_x`.
PostureModel model_at(double seat_kg, double cop_x) {
  PostureModel m;
  m.features = {PostureFeature::cop_x, PostureFeature::cop_y};
  m.covariance = {{0.0004, 0}, {0, 0.0004}};
  m.classes = {{"upright", Posture::upright, 30, {0, 0}}, {"leaning_left", Posture::leaning_left, 30, {-0.3, 0}}};
  m.baseline.cop_x = cop_x;
  m.baseline.seat_kg = seat_kg;
  return m;
}

class SitterProfilesTest : public ::testing::Test {
 protected:
  void add(const std::string& name, double seat_kg, double cop_x = 0) {
    std::filesystem::create_directories(dir_.path() / "profiles");
    write_posture_model((dir_.path() / "profiles" / (name + ".toml")).string(), model_at(seat_kg, cop_x), {});
  }
  TempDir dir_;
  Journal journal_;
  SitterProfiles store_{dir_.path()};
};

TEST_F(SitterProfilesTest, KeptInTheStateFolderAndSelectedByName) {
  EXPECT_TRUE(store_.names().empty());
  EXPECT_FALSE(store_.selected());
  EXPECT_EQ(store_.active_model_file(), dir_.path() / "postures.toml");  // one sitter: the chair's own
  add("bob", 82);
  add("anna", 58);
  std::ofstream(dir_.path() / "profiles" / "Not A Profile.toml") << "x";
  EXPECT_EQ(store_.names(), (std::vector<std::string>{"anna", "bob"}));
  EXPECT_THROW(store_.select("carla"), InputError);
  store_.select("bob");
  EXPECT_EQ(store_.selected(), "bob");
  EXPECT_EQ(SitterProfiles(dir_.path()).active_model_file(), dir_.path() / "profiles" / "bob.toml");
  const auto weights = store_.weights(journal_);
  ASSERT_EQ(weights.size(), 2u);
  EXPECT_EQ(weights[1].name, "bob");
  EXPECT_DOUBLE_EQ(weights[1].seat_kg, 82);
}

TEST_F(SitterProfilesTest, AtMostEightAndOnlyPlainNames) {
  for (int i = 0; i < 8; ++i) add("p" + std::to_string(i), 50 + 5 * i);
  EXPECT_EQ(store_.writable_problem("p3"), "");  // calibrating an existing one again
  EXPECT_NE(store_.writable_problem("p8").find("8 profiles already"), std::string::npos);
  EXPECT_NE(store_.writable_problem("../x"), "");
}

TEST_F(SitterProfilesTest, TheCommandSwitchesTheModelAndItsBaseline) {
  add("anna", 58, 0.05);
  add("bob", 82, -0.05);
  Config config;
  SessionKeeper keeper(dir_.path(), journal_);
  LiveAnalysis analysis(config, Units::calibrated, keeper);
  analysis.use_sitter_postures(dir_.path().string(), journal_);
  EXPECT_FALSE(analysis.analyzer().posture_model());  // no profile chosen, no postures.toml
  DaemonProfiles profiles(analysis, config, dir_.path().string(), journal_);
  TareAverage raw;
  const auto run = [&](const mqtt::Command& c) {
    return run_command(c, 0, {analysis.analyzer(), config, Units::calibrated, raw, keeper, journal_, nullptr, &profiles});
  };
  ASSERT_TRUE(run(mqtt::ProfileCommand{"bob"}).ok);
  EXPECT_EQ(profiles.selected(), "bob");
  ASSERT_TRUE(analysis.analyzer().posture_model());
  EXPECT_DOUBLE_EQ(analysis.analyzer().baseline().cop_x, -0.05);
  const auto refused = run(mqtt::ProfileCommand{"carla"});
  EXPECT_FALSE(refused.ok);
  EXPECT_NE(refused.error.find("no profile 'carla'"), std::string::npos) << refused.error;
  EXPECT_EQ(profiles.selected(), "bob");
}

// A simulated sitter sits down: the profile within the tolerance of the seated weight is taken,
// unless another one is near too.
TEST_F(SitterProfilesTest, TheSeatedWeightPicksAProfileWhenPlain) {
  Config config;
  SessionKeeper keeper(dir_.path(), journal_);
  LiveAnalysis analysis(config, Units::calibrated, keeper);
  Scenario scenario;
  scenario.steps = {{Posture::upright, Feet::flat, 30}};
  // The seated weight the analysis sees of this sitter.
  const auto seated_kg = [&] {
    SimulatedChair chair(scenario, config.layout);
    Sample sample;
    std::string label;
    while (chair.next(sample, label)) analysis.feed(sample);
    return analysis.analyzer().state().seat_kg;
  }();
  const auto sit = [&](DaemonProfiles& profiles) {
    analysis.restart();
    SimulatedChair chair(scenario, config.layout);
    Sample sample;
    std::string label;
    bool picked = false;
    while (chair.next(sample, label)) {
      analysis.feed(sample);
      picked = profiles.on_sample() || picked;
    }
    return picked;
  };
  add("anna", seated_kg + 1);
  add("bob", seated_kg + 20);
  {
    DaemonProfiles profiles(analysis, config, dir_.path().string(), journal_);
    EXPECT_TRUE(sit(profiles));
    EXPECT_EQ(profiles.selected(), "anna");
    EXPECT_EQ(store_.selected(), "anna");  // kept for the next start
  }
  add("carla", seated_kg - 3);  // anna or carla: not plain, anna stays
  store_.select("bob");
  DaemonProfiles profiles(analysis, config, dir_.path().string(), journal_);
  EXPECT_FALSE(sit(profiles));
  EXPECT_EQ(profiles.selected(), "bob");
}

}  // namespace
}  // namespace chairhub
