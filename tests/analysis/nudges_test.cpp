#include "analysis/nudges.hpp"
#include "events/event_json.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chairhub {
namespace {

struct Sent {
  double t;
  std::string reason;
};

class NudgesTest : public ::testing::Test {
 protected:
  NudgeConfig cfg;  // lumbar 60 s, feet 120 s, posture 90 s, cooldown 15 min, gap 60 s
  NudgePolicy policy{cfg};
  std::vector<Event> events;

  // One sample a second for t in [from, to), with the break due at `break_at` if given.
  void run(int from, int to, NudgeInputs in, std::optional<int> break_at = std::nullopt) {
    for (int t = from; t < to; ++t) {
      in.break_due_now = break_at == t;
      policy.update(t, in, events);
    }
  }
  std::vector<Sent> nudges() const {
    std::vector<Sent> out;
    for (const auto& e : events) {
      EXPECT_EQ(e.type(), EventType::nudge);
      out.push_back({e.t, to_json(e)["reason"].get<std::string>()});
    }
    return out;
  }
};

NudgeInputs seated_well() {
  NudgeInputs in;
  in.occupied = true;
  in.lumbar_contact = true;
  in.feet_flat = true;
  in.posture = Posture::upright;
  return in;
}

TEST(NudgeReason, Names) {
  EXPECT_EQ(to_string(NudgeReason::lumbar), "lumbar");
  EXPECT_EQ(to_string(NudgeReason::feet), "feet");
  EXPECT_EQ(to_string(NudgeReason::posture), "posture");
  EXPECT_EQ(to_string(NudgeReason::brk), "break");
}

TEST_F(NudgesTest, GoodSittingRaisesNothing) {
  run(0, 5000, seated_well());
  EXPECT_TRUE(events.empty());
}

TEST_F(NudgesTest, LumbarAfterItsDelay) {
  auto in = seated_well();
  in.lumbar_contact = false;
  run(0, 100, in);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].reason, "lumbar");
  EXPECT_DOUBLE_EQ(n[0].t, 60);
  EXPECT_FALSE(to_json(events[0])["message"].get<std::string>().empty());
}

TEST_F(NudgesTest, FeetAfterTheirDelay) {
  auto in = seated_well();
  in.feet_flat = false;
  run(0, 200, in);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].reason, "feet");
  EXPECT_DOUBLE_EQ(n[0].t, 120);
}

TEST_F(NudgesTest, PostureAfterALeanPersists) {
  auto in = seated_well();
  in.posture = Posture::leaning_left;
  run(0, 200, in);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].reason, "posture");
  EXPECT_DOUBLE_EQ(n[0].t, 90);
  EXPECT_EQ(to_json(events[0])["posture"], "leaning_left");
}

TEST_F(NudgesTest, LeaningForwardHasItsOwnMessage) {
  auto in = seated_well();
  in.posture = Posture::leaning_forward;
  run(0, 100, in);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NE(to_json(events[0])["message"].get<std::string>().find("forward"), std::string::npos);
}

TEST_F(NudgesTest, SlouchingAndRecliningAreNotLeans) {
  auto in = seated_well();
  in.posture = Posture::slouching;
  run(0, 500, in);
  in.posture = Posture::reclined;
  run(500, 1000, in);
  EXPECT_TRUE(events.empty());
}

TEST_F(NudgesTest, BreakWithBreakDue) {
  run(0, 100, seated_well(), 42);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].reason, "break");
  EXPECT_DOUBLE_EQ(n[0].t, 42);
}

TEST_F(NudgesTest, NothingWhileTheChairIsEmpty) {
  NudgeInputs in;
  in.occupied = false;
  in.lumbar_contact = false;
  in.feet_flat = false;
  run(0, 500, in);
  EXPECT_TRUE(events.empty());
}

TEST_F(NudgesTest, UnknownConditionsDoNotNudge) {
  NudgeInputs in;
  in.occupied = true;  // no backrest, no feet, no posture known
  run(0, 500, in);
  EXPECT_TRUE(events.empty());
}

TEST_F(NudgesTest, InterruptedConditionStartsOver) {
  auto bad = seated_well();
  bad.lumbar_contact = false;
  run(0, 50, bad);
  run(50, 51, seated_well());
  run(51, 150, bad);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_DOUBLE_EQ(n[0].t, 111);
}

TEST_F(NudgesTest, CooldownPerReason) {
  auto in = seated_well();
  in.lumbar_contact = false;
  run(0, 2000, in);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 3u);
  EXPECT_DOUBLE_EQ(n[0].t, 60);
  EXPECT_DOUBLE_EQ(n[1].t, 960);  // 15 min later
  EXPECT_DOUBLE_EQ(n[2].t, 1860);
}

TEST_F(NudgesTest, CooldownOfOneReasonDoesNotBlockAnother) {
  auto in = seated_well();
  in.lumbar_contact = false;
  in.feet_flat = false;
  run(0, 200, in);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].reason, "lumbar");
  EXPECT_EQ(n[1].reason, "feet");
  EXPECT_DOUBLE_EQ(n[1].t, 120);
}

TEST_F(NudgesTest, MinimumGapBetweenDifferentReasons) {
  cfg.feet_after_s = 90;
  auto in = seated_well();
  in.lumbar_contact = false;
  in.feet_flat = false;
  run(0, 200, in);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_DOUBLE_EQ(n[0].t, 60);
  EXPECT_EQ(n[1].reason, "feet");
  EXPECT_DOUBLE_EQ(n[1].t, 120);  // due at 90, held back to 60 s after the lumbar nudge
}

TEST_F(NudgesTest, TwoReasonsDueTogetherAreSpaced) {
  cfg.feet_after_s = 60;
  auto in = seated_well();
  in.lumbar_contact = false;
  in.feet_flat = false;
  run(0, 200, in);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_DOUBLE_EQ(n[0].t, 60);
  EXPECT_DOUBLE_EQ(n[1].t, 120);
}

TEST_F(NudgesTest, BreakIsExemptFromTheGap) {
  auto in = seated_well();
  in.lumbar_contact = false;
  run(0, 100, in, 61);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].reason, "lumbar");
  EXPECT_EQ(n[1].reason, "break");
  EXPECT_DOUBLE_EQ(n[1].t, 61);
}

TEST_F(NudgesTest, DisabledByCommandSuppresses) {
  policy.set_enabled(false);
  EXPECT_FALSE(policy.enabled());
  auto in = seated_well();
  in.lumbar_contact = false;
  run(0, 2000, in, 100);
  EXPECT_TRUE(events.empty());
}

TEST_F(NudgesTest, DisabledByConfigSuppresses) {
  cfg.enabled = false;
  EXPECT_FALSE(policy.enabled());
  auto in = seated_well();
  in.feet_flat = false;
  run(0, 2000, in, 100);
  EXPECT_TRUE(events.empty());
}

TEST_F(NudgesTest, ReenabledNudgesAgain) {
  policy.set_enabled(false);
  auto in = seated_well();
  in.lumbar_contact = false;
  run(0, 100, in);
  policy.set_enabled(true);
  run(100, 101, in);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_DOUBLE_EQ(events[0].t, 100);
}

TEST_F(NudgesTest, SnoozedSuppressesUntilItEnds) {
  policy.snooze_until(500);
  EXPECT_EQ(policy.snoozed_until(), 500);
  auto in = seated_well();
  in.lumbar_contact = false;
  run(0, 600, in, 200);
  const auto n = nudges();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].reason, "lumbar");
  EXPECT_DOUBLE_EQ(n[0].t, 500);
}

}  // namespace
}  // namespace chairhub
