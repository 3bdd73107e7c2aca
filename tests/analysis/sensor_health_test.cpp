#include "analysis/sensor_health.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/sample.hpp"

namespace chairhub {
namespace {

using Change = SensorHealth::Change;

// Sample times at 8 Hz are exact in binary, so the thresholds are met exactly where expected.
constexpr double kDt = 0.125;
constexpr SensorHealth::Limits kRange100{.raw_min = -100, .raw_max = 100};

// A reading that never repeats, as a live sensor's noise makes sure.
double live(int i) { return 50.0 + (i % 5) * 0.01; }

struct Feed {
  SensorHealth health;
  std::vector<std::pair<double, Change>> changes;  // every change with its time
  // Feeds `value(i)` for samples i in [from, to) at kDt spacing.
  template <typename F>
  void run(int from, int to, F value) {
    for (int i = from; i < to; ++i) {
      const auto c = health.update(i * kDt, value(i));
      if (c != Change::none) changes.emplace_back(i * kDt, c);
    }
  }
};

Feed make(const SensorHealth::Limits& limits = {}, const HealthConfig& cfg = {}) { return Feed{SensorHealth(cfg, limits), {}}; }

TEST(SensorHealth, FaultNames) {
  EXPECT_EQ(to_string(Fault::missing), "missing");
  EXPECT_EQ(to_string(Fault::saturated), "saturated");
  EXPECT_EQ(to_string(Fault::stuck), "stuck");
}

TEST(SensorHealth, GoodReadingsRaiseNothing) {
  auto f = make();
  f.run(0, 400, live);
  EXPECT_TRUE(f.changes.empty());
  EXPECT_FALSE(f.health.fault());
}

TEST(SensorHealth, SingleNanIsNotAFault) {
  auto f = make();
  f.run(0, 400, [](int i) { return i == 100 ? kMissing : live(i); });
  EXPECT_TRUE(f.changes.empty());
}

TEST(SensorHealth, MissingAfterFaultSeconds) {
  auto f = make();
  f.run(0, 8, live);
  f.run(8, 40, [](int) { return kMissing; });  // missing from t = 1.0
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(f.changes[0].second, Change::raised);
  EXPECT_DOUBLE_EQ(f.changes[0].first, 1.5);  // fault_s = 0.5 later
  EXPECT_EQ(f.health.fault(), Fault::missing);
  EXPECT_DOUBLE_EQ(f.health.fault_since(), 1.5);
}

TEST(SensorHealth, MissingNeedsFaultSamplesToo) {
  SensorHealth h({}, {});
  // At 1 Hz the time is met at the second missing reading, the count only at the third.
  EXPECT_EQ(h.update(0, 1.0), Change::none);
  EXPECT_EQ(h.update(1, kMissing), Change::none);
  EXPECT_EQ(h.update(2, kMissing), Change::none);
  EXPECT_EQ(h.update(3, kMissing), Change::raised);
}

TEST(SensorHealth, MissingFromTheFirstSample) {
  auto f = make();
  f.run(0, 10, [](int) { return kMissing; });
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_DOUBLE_EQ(f.changes[0].first, 0.5);
}

TEST(SensorHealth, SaturatedAtTheRawMaximum) {
  auto f = make(kRange100);
  f.run(0, 8, live);
  f.run(8, 30, [](int i) { return i % 2 ? 100.0 : 250.0; });
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_DOUBLE_EQ(f.changes[0].first, 1.5);
  EXPECT_EQ(f.health.fault(), Fault::saturated);
}

TEST(SensorHealth, SaturatedAtTheRawMinimum) {
  auto f = make(kRange100);
  f.run(0, 30, [](int) { return -100.0; });
  ASSERT_FALSE(f.changes.empty());
  EXPECT_EQ(f.health.fault(), Fault::saturated);  // not stuck, though it also repeats
}

TEST(SensorHealth, JustInsideTheLimitsIsFine) {
  auto f = make(kRange100);
  f.run(0, 100, [](int i) { return i % 2 ? 99.5 : -99.5; });
  EXPECT_TRUE(f.changes.empty());
}

TEST(SensorHealth, EqualLimitsMeanNoSaturationCheck) {
  auto f = make({.raw_min = 0, .raw_max = 0});
  f.run(0, 100, [](int i) { return 1e9 + i; });
  EXPECT_TRUE(f.changes.empty());
}

TEST(SensorHealth, StuckAfterStuckSeconds) {
  auto f = make();
  f.run(0, 8, live);
  f.run(8, 40, [](int) { return 42.0; });  // the same reading from t = 1.0
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_DOUBLE_EQ(f.changes[0].first, 2.0);  // stuck_s = 1 later (9 samples >= 8)
  EXPECT_EQ(f.health.fault(), Fault::stuck);
}

TEST(SensorHealth, StuckNeedsStuckSamplesToo) {
  SensorHealth h({}, {});
  // At 1 Hz the time is met after one second, the count of 8 only at t = 7.
  for (int t = 0; t < 7; ++t) EXPECT_EQ(h.update(t, 3.0), Change::none) << t;
  EXPECT_EQ(h.update(7, 3.0), Change::raised);
}

TEST(SensorHealth, RepeatsShorterThanStuckAreFine) {
  auto f = make();
  f.run(0, 400, [](int i) {
    const int run = i / 6;  // runs of 6 samples
    return static_cast<double>(run);
  });
  EXPECT_TRUE(f.changes.empty());
}

TEST(SensorHealth, ClampedPadAtRestIsExemptFromStuck) {
  auto f = make({.clamped = true});
  f.run(0, 400, [](int) { return 0.0; });
  EXPECT_TRUE(f.changes.empty());
}

TEST(SensorHealth, ClampedPadFullyPressedIsExemptFromStuck) {
  auto f = make({.clamped = true});
  f.run(0, 400, [](int) { return 1.0; });
  EXPECT_TRUE(f.changes.empty());
}

TEST(SensorHealth, OtherValuesOfAClampedPadCanBeStuck) {
  auto f = make({.clamped = true});
  f.run(0, 40, [](int) { return 0.3; });
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(f.health.fault(), Fault::stuck);
}

TEST(SensorHealth, UnclampedZeroCanBeStuck) {
  auto f = make();
  f.run(0, 40, [](int) { return 0.0; });
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(f.health.fault(), Fault::stuck);
}

TEST(SensorHealth, RecoveryAfterRecoverSeconds) {
  auto f = make();
  f.run(0, 24, [](int) { return kMissing; });  // raised at 0.5
  f.run(24, 60, live);                          // good from t = 3.0
  ASSERT_EQ(f.changes.size(), 2u);
  EXPECT_EQ(f.changes[1].second, Change::cleared);
  EXPECT_DOUBLE_EQ(f.changes[1].first, 3.5);
  EXPECT_FALSE(f.health.fault());
}

TEST(SensorHealth, BriefGoodSpellDoesNotClear) {
  auto f = make();
  f.run(0, 24, [](int) { return kMissing; });
  f.run(24, 27, live);                          // 0.25 s of good readings
  f.run(27, 60, [](int) { return kMissing; });
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(f.health.fault(), Fault::missing);
}

TEST(SensorHealth, StuckClearsWhenReadingsMoveAgain) {
  auto f = make();
  f.run(0, 40, [](int) { return 7.0; });
  f.run(40, 80, live);
  ASSERT_EQ(f.changes.size(), 2u);
  EXPECT_EQ(f.changes[0].second, Change::raised);
  EXPECT_EQ(f.changes[1].second, Change::cleared);
  EXPECT_DOUBLE_EQ(f.changes[1].first, 5.5);
}

TEST(SensorHealth, FaultRaisedOnlyOnceWhileItLasts) {
  auto f = make();
  f.run(0, 800, [](int) { return kMissing; });
  EXPECT_EQ(f.changes.size(), 1u);
}

TEST(SensorHealth, ConfigTimesAreHonoured) {
  HealthConfig cfg;
  cfg.fault_s = 2;
  cfg.recover_s = 1;
  auto f = make({}, cfg);
  f.run(0, 40, [](int) { return kMissing; });
  f.run(40, 80, live);  // good from t = 5
  ASSERT_EQ(f.changes.size(), 2u);
  EXPECT_DOUBLE_EQ(f.changes[0].first, 2.0);
  EXPECT_DOUBLE_EQ(f.changes[1].first, 6.0);
}

}  // namespace
}  // namespace chairhub
