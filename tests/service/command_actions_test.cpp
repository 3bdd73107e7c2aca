// The tare command on its own, without a broker: the seat cells' recent raw means become their
// offsets in the config, the analysis and what is kept across restarts; pads stay as they were.
#include "service/command_actions.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace chairhub {
namespace {

TEST(CommandActions, TareTakesTheSeatOffsetsFromTheRecentRawReadings) {
  mqtt::test::TempDir dir;
  Config config;
  Analyzer analyzer(config.analysis, config.layout, Units::raw);
  Journal journal;
  SessionKeeper keeper(dir.path(), journal);
  TareAverage raw;
  raw.add({0, {8000, -3000, 400000, 500, 900, 1100, 700, 800}});
  raw.add({0.1, {8002, -3002, 400002, 502, 950, 1150, 750, 850}});

  const auto outcome = run_command(mqtt::TareCommand{}, 0.1, {analyzer, config, Units::raw, raw, keeper, journal});
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_DOUBLE_EQ(config.layout.channels[0].offset, 8001);
  EXPECT_DOUBLE_EQ(config.layout.channels[2].offset, 400001);
  EXPECT_DOUBLE_EQ(config.layout.channels[4].empty, ChannelLayout::standard().channels[4].empty);
  ChannelLayout kept = ChannelLayout::standard();
  keeper.apply_tare(kept);
  EXPECT_DOUBLE_EQ(kept.channels[3].offset, 501);
}

TEST(CommandActions, TareNeedsRawReadings) {
  mqtt::test::TempDir dir;
  Config config;
  Analyzer analyzer(config.analysis, config.layout, Units::raw);
  Journal journal;
  SessionKeeper keeper(dir.path(), journal);
  const TareAverage none;
  const auto outcome = run_command(mqtt::TareCommand{}, 0, {analyzer, config, Units::raw, none, keeper, journal});
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.error, "tare needs raw readings from the sensors");
}

}  // namespace
}  // namespace chairhub
