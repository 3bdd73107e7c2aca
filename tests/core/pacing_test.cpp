// Pacer: sample time played against the monotonic clock, at a speed, and stoppable.
#include "core/pacing.hpp"

#include <gtest/gtest.h>

namespace chairhub {
namespace {

TEST(Pacer, TheFirstSampleIsDueAtOnceTheNextAtTheirDistanceOverTheSpeed) {
  Pacer pacer(2);  // twice real time
  const double start = monotonic_seconds();
  EXPECT_TRUE(pacer.wait_until(100));
  EXPECT_LT(monotonic_seconds() - start, 0.02);
  EXPECT_TRUE(pacer.wait_until(100.1));  // 0.05 s later
  EXPECT_GE(monotonic_seconds() - start, 0.05);
  EXPECT_TRUE(pacer.wait_until(99));  // already past
}

TEST(Pacer, SpeedZeroNeverWaits) {
  Pacer pacer(0);
  const double start = monotonic_seconds();
  EXPECT_TRUE(pacer.wait_until(0));
  EXPECT_TRUE(pacer.wait_until(3600));
  EXPECT_LT(monotonic_seconds() - start, 0.02);
}

TEST(Pacer, AStoppedPacerWaitsNoMore) {
  Pacer pacer(1);
  EXPECT_TRUE(pacer.wait_until(0));
  pacer.stop();
  const double before = monotonic_seconds();
  EXPECT_FALSE(pacer.wait_until(10));
  EXPECT_LT(monotonic_seconds() - before, 0.1);
}

}  // namespace
}  // namespace chairhub
