// NudgeDriver: light first, sound only when the same nudge comes again soon, never in quiet hours.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "service/nudge_driver.hpp"

namespace chairhub {
namespace {

struct FakeIndicator : Indicator {
  std::vector<std::pair<NudgeReason, bool>> shown;  // reason, sound
  void show(NudgeReason reason, bool sound) override { shown.emplace_back(reason, sound); }
};

Event nudge(double t, NudgeReason reason) { return {t, Nudge{reason, "", std::nullopt}}; }

class NudgeDriverTest : public ::testing::Test {
 protected:
  NudgeDriverTest() { config_.escalate_within_min = 10; }

  // Sends a nudge and returns whether it sounded (it must have been shown).
  bool sounds(double t, NudgeReason reason) {
    const auto before = indicator_.shown.size();
    driver_.on_event(nudge(t, reason));
    EXPECT_EQ(indicator_.shown.size(), before + 1);
    if (indicator_.shown.size() != before + 1) return false;
    EXPECT_EQ(indicator_.shown.back().first, reason);
    return indicator_.shown.back().second;
  }

  ServiceConfig config_;
  FakeIndicator indicator_;
  int minute_ = 12 * 60;  // noon
  NudgeDriver driver_{config_, indicator_, [this] { return minute_; }};
};

TEST_F(NudgeDriverTest, TheFirstNudgeOfAReasonIsLightOnly) {
  EXPECT_FALSE(sounds(100, NudgeReason::lumbar));
  ASSERT_EQ(indicator_.shown.size(), 1u);
  EXPECT_EQ(indicator_.shown[0], std::make_pair(NudgeReason::lumbar, false));
}

TEST_F(NudgeDriverTest, TheSameReasonAgainWithinTheWindowSounds) {
  EXPECT_FALSE(sounds(100, NudgeReason::lumbar));
  EXPECT_TRUE(sounds(100 + 5 * 60, NudgeReason::lumbar));
  EXPECT_TRUE(sounds(100 + 10 * 60, NudgeReason::lumbar));  // still within 10 min of the last one
}

TEST_F(NudgeDriverTest, AtTheEdgeOfTheWindowItStillSounds) {
  EXPECT_FALSE(sounds(0, NudgeReason::lumbar));
  EXPECT_TRUE(sounds(10 * 60, NudgeReason::lumbar));  // exactly escalate_within_min later
}

TEST_F(NudgeDriverTest, AfterTheWindowItIsLightOnlyAgain) {
  EXPECT_FALSE(sounds(100, NudgeReason::lumbar));
  EXPECT_FALSE(sounds(100 + 10 * 60 + 1, NudgeReason::lumbar));
  EXPECT_TRUE(sounds(100 + 12 * 60, NudgeReason::lumbar));
  EXPECT_FALSE(sounds(100 + 12 * 60 + 3600, NudgeReason::lumbar));
}

TEST_F(NudgeDriverTest, DifferentReasonsEscalateIndependently) {
  EXPECT_FALSE(sounds(0, NudgeReason::lumbar));
  EXPECT_FALSE(sounds(60, NudgeReason::posture));       // another reason: its own first time
  EXPECT_TRUE(sounds(120, NudgeReason::lumbar));          // slouching's second
  EXPECT_FALSE(sounds(120 + 11 * 60, NudgeReason::lumbar));
  EXPECT_FALSE(sounds(120 + 11 * 60, NudgeReason::brk));
  EXPECT_TRUE(sounds(120 + 12 * 60, NudgeReason::brk));
}

TEST_F(NudgeDriverTest, QuietHoursNeverSound) {
  config_.quiet_hours = QuietHours{22 * 60, 7 * 60};
  minute_ = 23 * 60;
  EXPECT_FALSE(sounds(0, NudgeReason::lumbar));
  EXPECT_FALSE(sounds(60, NudgeReason::lumbar));
  minute_ = 3 * 60;
  EXPECT_FALSE(sounds(120, NudgeReason::lumbar));
  // The light still shows each time.
  EXPECT_EQ(indicator_.shown.size(), 3u);
  // Once quiet hours are over, a repeat sounds again.
  minute_ = 7 * 60;
  EXPECT_TRUE(sounds(180, NudgeReason::lumbar));
}

TEST_F(NudgeDriverTest, QuietHoursOutsideTheirRangeDoNotSilence) {
  config_.quiet_hours = QuietHours{13 * 60, 14 * 60};
  minute_ = 12 * 60 + 59;
  EXPECT_FALSE(sounds(0, NudgeReason::lumbar));
  EXPECT_TRUE(sounds(60, NudgeReason::lumbar));
  minute_ = 13 * 60;
  EXPECT_FALSE(sounds(120, NudgeReason::lumbar));
}

TEST_F(NudgeDriverTest, NonNudgeEventsAreIgnored) {
  driver_.on_event({0, PostureChange{Posture::slouching, Posture::upright}});
  driver_.on_event({1, BreakDue{2640, 2640, {}}});
  driver_.on_event({2, Seated{}});
  driver_.on_event({3, SensorFault{"seat_fl", Fault::stuck}});
  EXPECT_TRUE(indicator_.shown.empty());
  // Nor do they count as an earlier nudge: the first real one is still light only.
  EXPECT_FALSE(sounds(4, NudgeReason::lumbar));
}

}  // namespace
}  // namespace chairhub
