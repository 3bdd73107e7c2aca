#include "events/event.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace chairhub {
namespace {

TEST(Event, TypeNames) {
  EXPECT_EQ(to_string(EventType::seated), "seated");
  EXPECT_EQ(to_string(EventType::stood_up), "stood_up");
  EXPECT_EQ(to_string(EventType::posture), "posture");
  EXPECT_EQ(to_string(EventType::feet), "feet");
  EXPECT_EQ(to_string(EventType::break_due), "break_due");
  EXPECT_EQ(to_string(EventType::break_taken), "break_taken");
  EXPECT_EQ(to_string(EventType::nudge), "nudge");
  EXPECT_EQ(to_string(EventType::sensor_fault), "sensor_fault");
  EXPECT_EQ(to_string(EventType::sensor_ok), "sensor_ok");
  EXPECT_EQ(to_string(EventType::baseline), "baseline");
}

TEST(Event, JsonStartsWithTypeAndTime) {
  const Event e(EventType::sensor_fault, 12.3456, {{"channel", "seat_fl"}, {"fault", "missing"}});
  EXPECT_EQ(e.to_json().dump(), R"({"type":"sensor_fault","t":12.346,"channel":"seat_fl","fault":"missing"})");
}

TEST(Event, JsonWithoutFields) {
  const Event e(EventType::seated, 2);
  EXPECT_EQ(e.to_json().dump(), R"({"type":"seated","t":2.0})");
}

TEST(Event, RoundMs) {
  EXPECT_DOUBLE_EQ(round_ms(1.23449), 1.234);
  EXPECT_DOUBLE_EQ(round_ms(1.2345001), 1.235);
  EXPECT_DOUBLE_EQ(round_ms(-2.0006), -2.001);
  EXPECT_DOUBLE_EQ(round_ms(0), 0);
}

TEST(Event, RoundMsNeverGivesNegativeZero) {
  EXPECT_FALSE(std::signbit(round_ms(-0.0001)));
  EXPECT_FALSE(std::signbit(round_ms(-0.0)));
  const Event e(EventType::baseline, 0, {{"cop_x", round_ms(-0.0002)}});
  EXPECT_EQ(e.to_json().dump(), R"({"type":"baseline","t":0.0,"cop_x":0.0})");
}

}  // namespace
}  // namespace chairhub
