#include "calibration/model.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace chairhub {
namespace {

TEST(CalibrationModel, SeatIsOffsetAndScale) {
  Channel c = make_channel("s", Role::seat, 0, 0);
  c.offset = 1000;
  c.scale = 0.5;
  EXPECT_DOUBLE_EQ(calibrate(c, 1000), 0);
  EXPECT_DOUBLE_EQ(calibrate(c, 1100), 50);
  EXPECT_DOUBLE_EQ(calibrate(c, 900), -50);  // not clamped: a tare drift shows
}

TEST(CalibrationModel, PadIsNormalisedAndClamped) {
  Channel c = make_channel("p", Role::back, 0, 0);
  c.empty = 1000;
  c.full = 3000;
  EXPECT_DOUBLE_EQ(calibrate(c, 1000), 0);
  EXPECT_DOUBLE_EQ(calibrate(c, 2000), 0.5);
  EXPECT_DOUBLE_EQ(calibrate(c, 3000), 1);
  EXPECT_DOUBLE_EQ(calibrate(c, 500), 0);
  EXPECT_DOUBLE_EQ(calibrate(c, 9000), 1);
}

TEST(CalibrationModel, InvertedPadWorks) {
  Channel c = make_channel("p", Role::foot, 0, 0);
  c.empty = 3000;  // a divider whose reading falls with pressure
  c.full = 1000;
  EXPECT_DOUBLE_EQ(calibrate(c, 2500), 0.25);
}

TEST(CalibrationModel, ApplyOverridesOnlyWhatWasMeasured) {
  ChannelLayout layout = ChannelLayout::standard();
  const double default_scale = layout.channels[0].scale;
  Calibration cal;
  cal["seat_fl"].offset = 8000;
  cal["foot_r"].full = 20000;
  cal["no_such_channel"].offset = 1;  // the file's reader reports it; here it is skipped
  apply_calibration(cal, layout);
  EXPECT_DOUBLE_EQ(layout.channels[0].offset, 8000);
  EXPECT_DOUBLE_EQ(layout.channels[0].scale, default_scale);
  EXPECT_DOUBLE_EQ(layout.channels[7].full, 20000);
  EXPECT_DOUBLE_EQ(layout.channels[7].empty, 800);
}

TEST(CalibrationModel, TareTakesSeatCellsWithAReading) {
  const ChannelLayout layout = ChannelLayout::standard();
  const double nan = std::nan("");
  // seat_fl, seat_fr (no reading), lumbar_l (a pad), seat_br.
  const Calibration tared = tare_offsets(layout, {0, 1, 4, 3}, {8000, nan, 900, -12});
  ASSERT_EQ(tared.size(), 2u);
  EXPECT_DOUBLE_EQ(*tared.at("seat_fl").offset, 8000);
  EXPECT_DOUBLE_EQ(*tared.at("seat_br").offset, -12);
  EXPECT_FALSE(tared.at("seat_br").scale);
}

}  // namespace
}  // namespace chairhub
