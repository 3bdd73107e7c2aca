// The daemon's command actions on a real analysis: what each command changes, and the plain-words
// refusals (tare on an occupied chair or without raw readings, a baseline on an empty chair).
#include <gtest/gtest.h>

#include <cmath>

#include "service/command_actions.hpp"
#include "support/mqtt_support.hpp"

namespace chairhub {
namespace {

using mqtt::test::TempDir;

class CommandActionsTest : public ::testing::Test {
 protected:
  // Ten seconds at 10 Hz with `per_cell` kg (calibrated) or counts (raw) on each seat cell, with a
  // jitter that averages out (a reading that never changes would be a stuck sensor).
  void feed(double per_cell) {
    const double jitter = units_ == Units::raw ? 1 : 0.001;
    std::vector<Event> events;
    for (int i = 0; i < 100; ++i, t_ += 0.1) {
      Sample s{t_, std::vector<double>(config_.layout.size(), 0.0)};
      for (std::size_t c = 0; c < config_.layout.size(); ++c)
        if (config_.layout.channels[c].role == Role::seat) s.values[c] = per_cell + (i % 2 ? jitter : -jitter);
      if (units_ == Units::raw) raw_.add(s);
      analyzer().update(s, events);
    }
  }
  Analyzer& analyzer() {
    if (!analyzer_) analyzer_ = std::make_unique<Analyzer>(config_.analysis, config_.layout, units_);
    return *analyzer_;
  }
  mqtt::CommandOutcome run(const mqtt::Command& c) {
    return run_command(c, t_, {analyzer(), config_, units_, raw_, keeper_, journal_, nullptr, nullptr});
  }

  TempDir dir_;
  Journal journal_;
  SessionKeeper keeper_{dir_.path(), journal_};
  Config config_;
  Units units_ = Units::calibrated;
  TareAverage raw_;
  std::unique_ptr<Analyzer> analyzer_;
  double t_ = 0;
};

TEST_F(CommandActionsTest, TareRefusesAnOccupiedChair) {
  feed(20);
  ASSERT_TRUE(analyzer().state().occupied);
  const auto outcome = run(mqtt::TareCommand{});
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.error, "someone is sitting: tare needs an empty chair");
}

TEST_F(CommandActionsTest, TareNeedsRawReadings) {
  feed(0);
  const auto outcome = run(mqtt::TareCommand{});
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.error, "tare needs raw readings from the sensors");
}

TEST_F(CommandActionsTest, TareTakesTheSeatCellsMeanAsTheirOffsetAndTheAnalysisUsesIt) {
  units_ = Units::raw;
  for (auto& c : config_.layout.channels)
    if (c.role == Role::seat) c.scale = 0.001;  // 1000 counts a kg
  feed(2000);  // an empty chair whose cells read 2 kg each before the tare
  ASSERT_FALSE(analyzer().state().occupied);
  ASSERT_TRUE(run(mqtt::TareCommand{}).ok);
  for (const auto& c : config_.layout.channels) {
    if (c.role == Role::seat) {
      EXPECT_DOUBLE_EQ(c.offset, 2000) << c.name;
    }
  }
  feed(2000 + 20000);  // 20 kg a cell after the tare: someone sits
  EXPECT_NEAR(analyzer().state().seat_kg, 80, 0.5);  // the analysis calibrates with the new offsets
}

TEST_F(CommandActionsTest, SnoozeHoldsTheNudgesAndIsKeptForARestart) {
  feed(0);
  ASSERT_TRUE(run(mqtt::SnoozeCommand{30}).ok);
  ASSERT_TRUE(analyzer().nudges().snoozed_until());
  EXPECT_DOUBLE_EQ(*analyzer().nudges().snoozed_until(), t_ + 30 * 60);
  EXPECT_TRUE(keeper_.snooze_end());
}

TEST_F(CommandActionsTest, NudgesSwitchOffAndOn) {
  ASSERT_TRUE(run(mqtt::NudgesCommand{false}).ok);
  EXPECT_FALSE(analyzer().nudges().enabled());
  ASSERT_TRUE(run(mqtt::NudgesCommand{true}).ok);
  EXPECT_TRUE(analyzer().nudges().enabled());
}

TEST_F(CommandActionsTest, ABaselineNeedsSomeoneSeated) {
  feed(0);
  const auto outcome = run(mqtt::BaselineCommand{});
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.error, "nobody is sitting: sit upright, then ask again");
}

TEST_F(CommandActionsTest, ResetSessionEndsTheSession) {
  feed(20);
  ASSERT_TRUE(analyzer().session().active());
  ASSERT_TRUE(run(mqtt::ResetSessionCommand{}).ok);
  EXPECT_FALSE(analyzer().session().active());
}

// The offsets go to the config, the analysis and the kept state; the pads stay as they were.
TEST(CommandActions, TareTakesTheSeatOffsetsFromTheRecentRawReadings) {
  mqtt::test::TempDir dir;
  Config config;
  Analyzer analyzer(config.analysis, config.layout, Units::raw);
  Journal journal;
  SessionKeeper keeper(dir.path(), journal);
  TareAverage raw;
  raw.add({0, {8000, -3000, 400000, 500, 900, 1100, 700, 800}});
  raw.add({0.1, {8002, -3002, 400002, 502, 950, 1150, 750, 850}});

  const auto outcome = run_command(mqtt::TareCommand{}, 0.1, {analyzer, config, Units::raw, raw, keeper, journal, nullptr, nullptr});
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_DOUBLE_EQ(config.layout.channels[0].offset, 8001);
  EXPECT_DOUBLE_EQ(config.layout.channels[2].offset, 400001);
  EXPECT_DOUBLE_EQ(config.layout.channels[4].empty, ChannelLayout::standard().channels[4].empty);
  ChannelLayout kept = ChannelLayout::standard();
  keeper.apply_tare(kept);
  EXPECT_DOUBLE_EQ(kept.channels[3].offset, 501);
}

}  // namespace
}  // namespace chairhub
