#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "hw/output/pattern.hpp"
#include "hw/sim/sim_gpio.hpp"

using namespace chairhub;
using namespace chairhub::hw;
using std::chrono::milliseconds;

namespace {

struct Outputs {
  SimGpioChip chip{"test", 4};
  std::unique_ptr<GpioLines> lines = chip.request(LineRequest::outputs({0u, 1u, 2u}));
  PatternPlayer player{*lines, {OutputKind::led, OutputKind::buzzer, OutputKind::led}};

  // Plays to the end, recording (led, buzz) levels on the wire at every deadline.
  std::vector<std::pair<int, int>> trace(const Pattern& p) {
    std::vector<std::pair<int, int>> seen;
    player.play(p, Nanos{0});
    std::optional<Nanos> next = Nanos{0};
    while (next) {
      next = player.step(*next);
      seen.emplace_back(chip.level(0), chip.level(1));
    }
    return seen;
  }
};

}  // namespace

TEST(Pattern, EveryNudgeReasonHasItsOwnPattern) {
  std::set<std::vector<std::tuple<bool, bool, long long>>> shapes;
  for (auto reason : kAllNudgeReasons) {
    const auto p = nudge_pattern(reason);
    EXPECT_EQ(p.name, to_string(reason));
    EXPECT_GT(p.total(), milliseconds{500});
    EXPECT_LT(p.total(), milliseconds{6000});
    std::vector<std::tuple<bool, bool, long long>> shape;
    for (const auto& s : p.steps) shape.emplace_back(s.led, s.buzz, s.duration.count());
    shapes.insert(shape);
  }
  EXPECT_EQ(shapes.size(), kAllNudgeReasons.size());
}

TEST(PatternPlayer, FollowsTheStepsAndEndsDark) {
  Outputs o;
  const auto seen = o.trace(nudge_pattern(NudgeReason::lumbar));
  const std::vector<std::pair<int, int>> want = {{1, 1}, {0, 0}, {1, 1}, {0, 0}, {0, 0}};
  EXPECT_EQ(seen, want);
  EXPECT_FALSE(o.player.playing());
  EXPECT_EQ(o.chip.level(2), 0);
}

TEST(PatternPlayer, StepIsDueAtTheRightTimes) {
  Outputs o;
  o.player.play(nudge_pattern(NudgeReason::feet), Nanos{0});
  EXPECT_EQ(o.chip.level(0), 1);
  EXPECT_EQ(o.player.step(milliseconds{499}), Nanos{milliseconds{500}});
  EXPECT_EQ(o.chip.level(0), 1);
  EXPECT_EQ(o.player.step(milliseconds{500}), Nanos{milliseconds{700}});
  EXPECT_EQ(o.chip.level(0), 0);
  // A late call (the timer fired late) lands in the step due then, not one behind.
  EXPECT_EQ(o.player.step(milliseconds{750}), Nanos{milliseconds{820}});
  EXPECT_EQ(o.chip.level(1), 1);
  EXPECT_FALSE(o.player.step(milliseconds{5000}));
  EXPECT_EQ(o.chip.level(0), 0);
}

TEST(PatternPlayer, RepeatsAndReplaces) {
  Outputs o;
  const Pattern brk = nudge_pattern(NudgeReason::brk);
  o.player.play(brk, Nanos{0});
  const Nanos cycle = brk.total() / brk.repeat;
  EXPECT_TRUE(o.player.step(cycle + milliseconds{1}));
  EXPECT_EQ(o.chip.level(0), 1);  // second round
  o.player.play(blink_code(2), cycle + milliseconds{2});
  EXPECT_EQ(o.player.current(), "blink 2");
  EXPECT_EQ(o.chip.level(1), 0);  // blink codes are silent
}

TEST(PatternPlayer, MutedBuzzerStillBlinks) {
  Outputs o;
  o.player.set_buzzer_enabled(false);
  o.player.play(nudge_pattern(NudgeReason::posture), Nanos{0});
  EXPECT_EQ(o.chip.level(0), 1);
  EXPECT_EQ(o.chip.level(1), 0);
}

TEST(PatternPlayer, CanDriveOneOutputOnly) {
  Outputs o;
  o.player.play(blink_code(1), Nanos{0}, 2);
  EXPECT_EQ(o.chip.level(2), 1);
  EXPECT_EQ(o.chip.level(0), 0);
  o.player.play(chirp(), Nanos{0}, 1);
  EXPECT_EQ(o.chip.level(1), 1);
  EXPECT_EQ(o.chip.level(2), 0);
  EXPECT_THROW(o.player.play(chirp(), Nanos{0}, 7), std::out_of_range);
}

TEST(PatternPlayer, TouchesLinesOnlyOnChange) {
  Outputs o;
  const auto before = o.chip.writes(0);
  o.player.play(blink_code(1), Nanos{0});
  for (int ms = 0; ms < 100; ms += 10) o.player.step(milliseconds{ms});
  EXPECT_EQ(o.chip.writes(0), before + 1);
}

TEST(PlayerThread, PlaysInTheBackground) {
  Outputs o;
  SteadyClock clock;
  PlayerThread thread(o.player, clock);
  thread.play(chirp(milliseconds{30}));
  EXPECT_TRUE(thread.playing());  // play() returned at once
  for (int i = 0; i < 200 && thread.playing(); ++i) std::this_thread::sleep_for(milliseconds{5});
  EXPECT_FALSE(thread.playing());
  EXPECT_EQ(o.chip.level(1), 0);
}

// The daemon switches the buzzer (quiet hours) from its own thread while a pattern may be
// playing; under TSan this checks that the switch goes through the thread's lock.
TEST(PlayerThread, BuzzerSwitchedWhilePlaying) {
  Outputs o;
  SteadyClock clock;
  PlayerThread thread(o.player, clock);
  thread.play(nudge_pattern(NudgeReason::posture));  // steps every 100 ms
  for (int i = 0; i < 20; ++i) {
    thread.set_buzzer_enabled(i % 2 == 0);
    std::this_thread::sleep_for(milliseconds{10});
  }
  thread.stop();
  EXPECT_FALSE(thread.playing());
  EXPECT_EQ(o.chip.level(1), 0);
}
