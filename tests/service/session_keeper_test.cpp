// SessionKeeper: what chairhubd keeps across a restart and how it uses it. A session survives a
// short stop and ends with a long one; a measured baseline is kept, a learnt one is not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "service/session_keeper.hpp"
#include "support/mqtt_support.hpp"

namespace chairhub {
namespace {

using mqtt::test::TempDir;

class SessionKeeperTest : public ::testing::Test {
 protected:
  // `seconds` at 10 Hz of someone sitting upright against the backrest with feet flat (or of an
  // empty chair); feeds the keeper as the daemon does.
  void sit(SessionKeeper& keeper, Analyzer& analyzer, double seconds, bool seated = true) {
    for (int i = 0; i < seconds * 10; ++i, t_ += 0.1) {
      Sample s{t_, std::vector<double>(config_.layout.size(), 0.0)};
      const double jitter = (i % 2) * 0.01;  // a reading that never changes would be a stuck sensor
      for (std::size_t c = 0; c < config_.layout.size(); ++c) {
        const Role role = config_.layout.channels[c].role;
        if (seated) s.values[c] = (role == Role::seat ? 20 : role == Role::back ? 0.5 : 0.8) + jitter;
      }
      keeper.before_sample(analyzer, t_, config_.analysis.breaks.min_break_s);
      events_.clear();
      analyzer.update(s, events_);
      keeper.after_sample(analyzer, 0.1, events_);
    }
  }
  std::unique_ptr<Analyzer> fresh_analyzer() {
    return std::make_unique<Analyzer>(config_.analysis, config_.layout, Units::calibrated);
  }
  std::filesystem::path state_file() const { return dir_.path() / "state.json"; }

  TempDir dir_;
  Journal journal_;
  Config config_;
  std::vector<Event> events_;
  double t_ = 0;
};

TEST_F(SessionKeeperTest, SittingDownSavesAndARestartContinuesTheSession) {
  {
    SessionKeeper keeper(dir_.path(), journal_);
    keeper.load();
    auto analyzer = fresh_analyzer();
    keeper.prime(*analyzer);
    sit(keeper, *analyzer, 5);
    ASSERT_TRUE(analyzer->session().active());
    EXPECT_TRUE(std::filesystem::exists(state_file()));  // saved when the session began
    keeper.save(*analyzer);
  }
  // chairhubd starts again at once, on a fresh time base
  SessionKeeper keeper(dir_.path(), journal_);
  keeper.load();
  auto analyzer = fresh_analyzer();
  keeper.prime(*analyzer);
  t_ = 1000;
  sit(keeper, *analyzer, 1);
  ASSERT_TRUE(analyzer->session().start());
  EXPECT_LT(*analyzer->session().start(), 1000 - 2);  // begun before the restart
  EXPECT_GT(analyzer->session().sitting_s(), 2);
}

TEST_F(SessionKeeperTest, NothingIsSavedBeforeTheFirstSample) {
  SessionKeeper keeper(dir_.path(), journal_);
  keeper.load();
  auto analyzer = fresh_analyzer();
  keeper.prime(*analyzer);
  keeper.save(*analyzer);
  EXPECT_FALSE(std::filesystem::exists(state_file()));
}

TEST_F(SessionKeeperTest, AMeasuredBaselineIsKeptALearntOneIsNot) {
  config_.analysis.baseline.auto_learn_s = 2;
  {
    SessionKeeper keeper(dir_.path(), journal_);
    keeper.load();
    auto analyzer = fresh_analyzer();
    keeper.prime(*analyzer);
    sit(keeper, *analyzer, 10);
    ASSERT_TRUE(analyzer->has_own_baseline());  // learnt from upright sitting
    keeper.save(*analyzer);
  }
  {
    SessionKeeper keeper(dir_.path(), journal_);
    keeper.load();
    auto analyzer = fresh_analyzer();
    keeper.prime(*analyzer);
    EXPECT_FALSE(analyzer->has_own_baseline());
    analyzer->capture_baseline(t_ + 3, t_ + 5);  // "take the baseline now", once seated
    sit(keeper, *analyzer, 7);
    ASSERT_TRUE(analyzer->has_own_baseline());
  }
  SessionKeeper keeper(dir_.path(), journal_);
  keeper.load();
  auto analyzer = fresh_analyzer();
  keeper.prime(*analyzer);
  EXPECT_TRUE(analyzer->has_own_baseline());
}

// The chair id: a chair keeps the id it has; only a first start takes the keyed one.
mqtt::ChairIdSources id_sources() {
  mqtt::ChairIdSources s;
  s.app_machine_id = [] { return std::optional<std::string>("5e1f03c2d4a94b6e8f0a1b2c3d4e5f60"); };
  s.machine_id = [] { return std::optional<std::string>("0123456789abcdef0123456789abcdef"); };
  return s;
}

TEST_F(SessionKeeperTest, AFirstStartTakesTheKeyedChairIdAndKeepsIt) {
  {
    SessionKeeper keeper(dir_.path(), journal_);
    keeper.load();
    EXPECT_EQ(keeper.chair_id(id_sources()), "chair-5e1f03c2");
  }
  ASSERT_TRUE(std::filesystem::exists(state_file()));  // stored at once
  SessionKeeper keeper(dir_.path(), journal_);
  keeper.load();
  auto other = id_sources();
  other.app_machine_id = [] { return std::optional<std::string>("ffffffffd4a94b6e8f0a1b2c3d4e5f60"); };
  EXPECT_EQ(keeper.chair_id(other), "chair-5e1f03c2");  // the stored one wins
}

TEST_F(SessionKeeperTest, AStoredChairIdIsKept) {
  PersistedState old;
  old.chair_id = "chair-0ld1d123";
  StateStore(dir_.path()).save(old);
  SessionKeeper keeper(dir_.path(), journal_);
  keeper.load();
  EXPECT_EQ(keeper.chair_id(id_sources()), "chair-0ld1d123");
}

TEST_F(SessionKeeperTest, AStateFileOfAnEarlierVersionKeepsTheUnkeyedChairId) {
  // written before the id was kept: the chair has been publishing under the unkeyed id
  auto old = nlohmann::json::parse(serialize_persisted_state(PersistedState{}));
  old.erase("chair_id");
  std::ofstream(state_file()) << old.dump(2);
  SessionKeeper keeper(dir_.path(), journal_);
  keeper.load();
  const auto id = keeper.chair_id(id_sources());
  EXPECT_EQ(id, mqtt::legacy_chair_id(id_sources()));
  EXPECT_NE(id, mqtt::default_chair_id(id_sources()));
  std::string warning;
  EXPECT_EQ(StateStore(dir_.path()).load(warning).chair_id, id);  // and from now on it is stored
}

TEST_F(SessionKeeperTest, ABadStoredChairIdIsADamagedStateFile) {
  PersistedState s;
  s.chair_id = "chair-ok";
  auto text = serialize_persisted_state(s);
  text.replace(text.find("chair-ok"), 8, "../evil/#");
  EXPECT_THROW(parse_persisted_state(text), std::exception);
}

}  // namespace
}  // namespace chairhub
