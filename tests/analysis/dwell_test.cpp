#include "analysis/dwell.hpp"

#include <gtest/gtest.h>

#include "core/posture.hpp"

namespace chairhub {
namespace {

TEST(Dwell, NothingHeldAtFirst) {
  Dwell<int> d(3);
  EXPECT_FALSE(d.held().has_value());
}

TEST(Dwell, ValueHeldOnceItLasts) {
  Dwell<int> d(3);
  EXPECT_FALSE(d.update(10, 1));
  EXPECT_FALSE(d.update(12.5, 1));
  EXPECT_FALSE(d.held().has_value());
  EXPECT_TRUE(d.update(13, 1));
  EXPECT_EQ(d.held(), 1);
}

TEST(Dwell, ChangeReportedOnlyOnce) {
  Dwell<int> d(1);
  d.update(0, 1);
  EXPECT_TRUE(d.update(1, 1));
  EXPECT_FALSE(d.update(2, 1));
  EXPECT_FALSE(d.update(50, 1));
}

TEST(Dwell, ZeroDwellIsImmediate) {
  Dwell<int> d(0);
  EXPECT_TRUE(d.update(5, 7));
  EXPECT_EQ(d.held(), 7);
  EXPECT_TRUE(d.update(5.1, 8));
  EXPECT_EQ(d.held(), 8);
}

TEST(Dwell, FidgetingRaisesNothing) {
  Dwell<Posture> d(3);
  d.update(0, Posture::upright);
  ASSERT_TRUE(d.update(3, Posture::upright));
  // Brief excursions that return to the held posture restart the clock each time.
  for (double t = 4; t < 30; t += 2) {
    EXPECT_FALSE(d.update(t, Posture::leaning_left));
    EXPECT_FALSE(d.update(t + 1, Posture::upright));
  }
  EXPECT_EQ(d.held(), Posture::upright);
}

TEST(Dwell, ReturnToHeldValueResetsTheCandidate) {
  Dwell<int> d(3);
  d.update(0, 1);
  d.update(3, 1);
  d.update(4, 2);
  d.update(5, 1);
  EXPECT_FALSE(d.update(6, 2));  // 2 again: its clock starts over at 6, not 4
  EXPECT_FALSE(d.update(8.5, 2));
  EXPECT_TRUE(d.update(9, 2));
}

TEST(Dwell, NewCandidateRestartsTheClock) {
  Dwell<int> d(3);
  d.update(0, 1);
  d.update(2, 2);
  EXPECT_FALSE(d.update(3, 2));
  EXPECT_FALSE(d.update(4.9, 2));
  EXPECT_TRUE(d.update(5, 2));
}

TEST(Dwell, Reset) {
  Dwell<bool> d(1);
  d.update(0, true);
  d.update(1, true);
  d.reset();
  EXPECT_FALSE(d.held().has_value());
  EXPECT_FALSE(d.update(2, true));
  EXPECT_TRUE(d.update(3, true));
}

TEST(Dwell, SetDwell) {
  Dwell<int> d(10);
  d.set_dwell(1);
  d.update(0, 4);
  EXPECT_TRUE(d.update(1, 4));
}

TEST(Dwell, TakeNextAdoptsTheNextValueAtOnce) {
  Dwell<int> d(3);
  d.update(0, 1);
  ASSERT_TRUE(d.update(3, 1));
  d.take_next();
  EXPECT_TRUE(d.update(4, 2));
  EXPECT_EQ(d.held(), 2);
  // Only the next value: after it, the dwell applies again.
  EXPECT_FALSE(d.update(5, 3));
  EXPECT_EQ(d.held(), 2);
}

TEST(Dwell, TakeNextOfTheHeldValueChangesNothing) {
  Dwell<int> d(3);
  d.update(0, 1);
  d.update(3, 1);
  d.take_next();
  EXPECT_FALSE(d.update(4, 1));
  EXPECT_FALSE(d.update(5, 2));  // the dwell is back
}

TEST(Dwell, TakeNextWithNothingHeldStillWaits) {
  Dwell<int> d(3);
  d.take_next();
  EXPECT_FALSE(d.update(0, 1));
  EXPECT_TRUE(d.update(3, 1));
}

}  // namespace
}  // namespace chairhub
