#include "events/event_json.hpp"

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

TEST(Event, TypeFollowsTheAlternative) {
  EXPECT_EQ((Event{0, Seated{}}.type()), EventType::seated);
  EXPECT_EQ((Event{0, Nudge{NudgeReason::feet, "", std::nullopt}}.type()), EventType::nudge);
  EXPECT_EQ((Event{0, BaselineUpdate{BaselineSource::set, Baseline{}, ""}}.type()), EventType::baseline);
}

TEST(Event, JsonStartsWithTypeAndTime) {
  const Event e{12.3456, SensorFault{"seat_fl", Fault::missing}};
  EXPECT_EQ(to_json(e).dump(), R"({"type":"sensor_fault","t":12.346,"channel":"seat_fl","fault":"missing"})");
}

TEST(Event, JsonWithoutFields) {
  const Event e{2, Seated{}};
  EXPECT_EQ(to_json(e).dump(), R"({"type":"seated","t":2.0})");
}

// Every type's published fields, in their published order (docs/mqtt.md).
TEST(Event, JsonOfEachType) {
  const auto json = [](EventData data) { return to_json(Event{1, std::move(data)}).dump(); };
  EXPECT_EQ(json(StoodUp{}), R"({"type":"stood_up","t":1.0})");
  EXPECT_EQ(json(PostureChange{Posture::slouching, std::nullopt}),
            R"({"type":"posture","t":1.0,"posture":"slouching","previous":null})");
  EXPECT_EQ(json(PostureChange{Posture::reclined, Posture::upright}),
            R"({"type":"posture","t":1.0,"posture":"reclined","previous":"upright"})");
  EXPECT_EQ(json(FeetChange{false}), R"({"type":"feet","t":1.0,"flat":false})");
  EXPECT_EQ(json(BreakDue{2700.0004, 2760, Suggestion{"walk", "Walk."}}),
            R"({"type":"break_due","t":1.0,"sitting_s":2700.0,"session_s":2760.0,"movement":"walk",)"
            R"("how":"Walk.","advice":"Move slowly, and stop if you feel sharp pain."})");
  EXPECT_EQ(json(BreakDue{10, 20, {}}),
            R"({"type":"break_due","t":1.0,"sitting_s":10.0,"session_s":20.0,)"
            R"("advice":"Move slowly, and stop if you feel sharp pain."})");
  EXPECT_EQ(json(BreakTaken{120.5, 600}), R"({"type":"break_taken","t":1.0,"away_s":120.5,"sitting_s":600.0})");
  EXPECT_EQ(json(Nudge{NudgeReason::brk, "Stand up.", std::nullopt}),
            R"({"type":"nudge","t":1.0,"reason":"break","message":"Stand up."})");
  EXPECT_EQ(json(Nudge{NudgeReason::posture, "Sit evenly.", Posture::leaning_left}),
            R"({"type":"nudge","t":1.0,"reason":"posture","message":"Sit evenly.","posture":"leaning_left"})");
  EXPECT_EQ(json(SensorOk{"pad_left"}), R"({"type":"sensor_ok","t":1.0,"channel":"pad_left"})");
  EXPECT_EQ(json(BaselineUpdate{BaselineSource::auto_learnt, Baseline{0.1, -0.2, 0.5, 70}, ""}),
            R"({"type":"baseline","t":1.0,"source":"auto","cop_x":0.1,"cop_y":-0.2,"lumbar":0.5})");
  EXPECT_EQ(json(BaselineUpdate{BaselineSource::window, std::nullopt, "nobody"}),
            R"({"type":"baseline","t":1.0,"source":"window","error":"nobody"})");
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
  const Event e{-0.0001, BaselineUpdate{BaselineSource::set, Baseline{-0.0002, 0, std::nullopt, std::nullopt}, ""}};
  EXPECT_EQ(to_json(e).dump(), R"({"type":"baseline","t":0.0,"source":"set","cop_x":0.0,"cop_y":0.0})");
}

}  // namespace
}  // namespace chairhub
