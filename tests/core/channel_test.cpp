#include "core/channel.hpp"

#include <gtest/gtest.h>

#include "core/input_error.hpp"

namespace chairhub {
namespace {

TEST(Channel, RoleNames) {
  for (Role r : {Role::seat, Role::back, Role::foot}) EXPECT_EQ(role_from_string(to_string(r)), r);
  EXPECT_EQ(role_from_string("arm"), std::nullopt);
}

TEST(Channel, StandardLayout) {
  const auto layout = ChannelLayout::standard();
  ASSERT_EQ(layout.size(), 8u);
  const char* names[] = {"seat_fl", "seat_fr", "seat_bl", "seat_br", "lumbar_l", "lumbar_r", "foot_l", "foot_r"};
  for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ(layout.find(names[i]), i) << names[i];
  EXPECT_EQ(layout.find("t"), std::nullopt);
  EXPECT_EQ(layout.count(Role::seat), 4u);
  // Front-left: x to the left (-1), y to the front (+1), as seen by the person sitting.
  EXPECT_DOUBLE_EQ(layout.channels[0].x, -1);
  EXPECT_DOUBLE_EQ(layout.channels[0].y, 1);
  EXPECT_DOUBLE_EQ(layout.channels[3].x, 1);
  EXPECT_DOUBLE_EQ(layout.channels[3].y, -1);
}

TEST(Channel, RoleDefaults) {
  const Channel seat = make_channel("s", Role::seat, 0.5, -0.5);
  EXPECT_DOUBLE_EQ(seat.x, 0.5);
  EXPECT_DOUBLE_EQ(seat.y, -0.5);
  EXPECT_DOUBLE_EQ(seat.raw_min, kHx711Min);
  EXPECT_DOUBLE_EQ(seat.raw_max, kHx711Max);
  const Channel pad = make_channel("p", Role::foot, 0, 0);
  EXPECT_DOUBLE_EQ(pad.raw_min, kAds1115Min);
  EXPECT_DOUBLE_EQ(pad.raw_max, kAds1115Max);
  EXPECT_LT(pad.empty, pad.full);
}

TEST(InputError, MessageNamesPlaceAndLine) {
  EXPECT_STREQ(InputError("log.csv", 12, "bad").what(), "log.csv:12: bad");
  EXPECT_STREQ(InputError("--baseline", 0, "bad").what(), "--baseline: bad");
}

}  // namespace
}  // namespace chairhub
