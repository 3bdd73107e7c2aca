#include "analysis/sit_session.hpp"
#include "events/event_json.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chairhub {
namespace {

BreakConfig small_breaks() {
  BreakConfig cfg;
  cfg.interval_s = 600;
  cfg.repeat_s = 300;
  cfg.min_break_s = 120;
  cfg.long_sit_s = 900;
  return cfg;
}

class SitSessionTest : public ::testing::Test {
 protected:
  BreakConfig cfg = small_breaks();
  SitSession session{cfg};
  std::vector<Event> events;

  // One sample a second for t in [from, to).
  void run(int from, int to, bool occupied, std::optional<Posture> posture = Posture::upright) {
    for (int t = from; t < to; ++t) session.update(t, occupied, occupied ? posture : std::nullopt, events);
  }
  std::vector<const Event*> of(EventType type) const {
    std::vector<const Event*> out;
    for (const auto& e : events)
      if (e.type() == type) out.push_back(&e);
    return out;
  }
};

TEST_F(SitSessionTest, NoSessionUntilSeated) {
  run(0, 1000, false);
  EXPECT_FALSE(session.active());
  EXPECT_TRUE(events.empty());
  EXPECT_DOUBLE_EQ(session.since_break_s(1000), 0);
}

TEST_F(SitSessionTest, SessionStartsWhenSeated) {
  run(0, 10, false);
  run(10, 20, true);
  EXPECT_TRUE(session.active());
  EXPECT_EQ(session.start(), 10);
  EXPECT_DOUBLE_EQ(session.sitting_s(), 9);
  EXPECT_DOUBLE_EQ(session.since_break_s(20), 10);
}

TEST_F(SitSessionTest, ShortAbsenceDoesNotEndTheSession) {
  run(0, 100, true);
  run(100, 160, false);  // 60 s away, under the 120 s minimum break
  run(160, 200, true);
  EXPECT_TRUE(session.active());
  EXPECT_EQ(session.start(), 0);
  EXPECT_TRUE(of(EventType::break_taken).empty());
  EXPECT_DOUBLE_EQ(session.sitting_s(), 99 + 39);  // the absence is not sitting
}

TEST_F(SitSessionTest, BreakTakenAtMinimumBreak) {
  run(0, 300, true);
  run(300, 500, false);
  const auto taken = of(EventType::break_taken);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_DOUBLE_EQ(taken[0]->t, 420);
  EXPECT_DOUBLE_EQ(to_json(*taken[0])["away_s"].get<double>(), 120);
  EXPECT_DOUBLE_EQ(to_json(*taken[0])["sitting_s"].get<double>(), 299);
  EXPECT_FALSE(session.active());
}

TEST_F(SitSessionTest, NewSessionAfterABreak) {
  run(0, 300, true);
  run(300, 500, false);
  run(500, 600, true);
  EXPECT_EQ(session.start(), 500);
  EXPECT_DOUBLE_EQ(session.sitting_s(), 99);
  EXPECT_TRUE(of(EventType::break_due).empty());
}

TEST_F(SitSessionTest, BreakDueAtIntervalThenEveryRepeat) {
  run(0, 1300, true);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 3u);
  EXPECT_DOUBLE_EQ(due[0]->t, 600);
  EXPECT_DOUBLE_EQ(due[1]->t, 900);
  EXPECT_DOUBLE_EQ(due[2]->t, 1200);
  EXPECT_DOUBLE_EQ(to_json(*due[0])["sitting_s"].get<double>(), 600);
  EXPECT_TRUE(session.break_due());
}

TEST_F(SitSessionTest, BreakDueCarriesTheSafetyAdvice) {
  run(0, 601, true);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  const auto advice = to_json(*due[0])["advice"].get<std::string>();
  EXPECT_NE(advice.find("slowly"), std::string::npos);
  EXPECT_NE(advice.find("sharp pain"), std::string::npos);
  EXPECT_FALSE(to_json(*due[0])["how"].get<std::string>().empty());
}

TEST_F(SitSessionTest, ShortAbsenceDoesNotPostponeTheBreak) {
  run(0, 500, true);
  run(500, 560, false);
  run(560, 700, true);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_DOUBLE_EQ(due[0]->t, 600);
  EXPECT_DOUBLE_EQ(to_json(*due[0])["session_s"].get<double>(), 600);
  EXPECT_LT(to_json(*due[0])["sitting_s"].get<double>(), 600);
}

TEST_F(SitSessionTest, SlouchingSessionSuggestsABackBend) {
  run(0, 200, true, Posture::upright);
  run(200, 601, true, Posture::slouching);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(to_json(*due[0])["movement"], "standing back bend");
}

TEST_F(SitSessionTest, LeaningSessionSuggestsATwist) {
  run(0, 400, true, Posture::upright);
  run(400, 601, true, Posture::leaning_right);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(to_json(*due[0])["movement"], "seated twist");
}

TEST_F(SitSessionTest, MinorPostureUnderAFifthIsIgnored) {
  run(0, 500, true, Posture::upright);
  run(500, 601, true, Posture::slouching);  // 100 of 600 s: under a fifth
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(to_json(*due[0])["movement"], "walk and shoulder rolls");
}

TEST_F(SitSessionTest, LongUprightSitSuggestsAHipFlexorStretch) {
  cfg.interval_s = 1000;  // beyond long_sit_s = 900
  run(0, 1001, true, Posture::upright);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(to_json(*due[0])["movement"], "hip-flexor lunge stretch");
}

TEST_F(SitSessionTest, RepeatReminderOfAnUprightSitBecomesLongSit) {
  run(0, 901, true, Posture::upright);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(to_json(*due[0])["movement"], "walk and shoulder rolls");  // 600 s: not yet long
  EXPECT_EQ(to_json(*due[1])["movement"], "hip-flexor lunge stretch");  // 900 s
}

TEST_F(SitSessionTest, EquallyFittingMovementsTakeTurns) {
  cfg.movements = {{"slouching", "a", ""}, {"slouching", "b", ""}, {"any", "c", ""}};
  run(0, 1201, true, Posture::slouching);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 3u);
  EXPECT_EQ(to_json(*due[0])["movement"], "a");
  EXPECT_EQ(to_json(*due[1])["movement"], "b");
  EXPECT_EQ(to_json(*due[2])["movement"], "a");
}

TEST_F(SitSessionTest, FallsBackToAnyMovement) {
  cfg.movements = {{"any", "stretch", "Just stretch."}};
  run(0, 601, true, Posture::slouching);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(to_json(*due[0])["movement"], "stretch");
  EXPECT_EQ(to_json(*due[0])["how"], "Just stretch.");
}

TEST_F(SitSessionTest, NoMovementsStillGivesTheBreak) {
  cfg.movements.clear();
  run(0, 601, true);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_FALSE(to_json(*due[0]).contains("movement"));
  EXPECT_TRUE(to_json(*due[0]).contains("advice"));
}

TEST_F(SitSessionTest, ResetEndsTheSession) {
  run(0, 500, true);
  session.reset(500);
  EXPECT_FALSE(session.active());
  EXPECT_DOUBLE_EQ(session.sitting_s(), 0);
  run(500, 1000, true);
  EXPECT_EQ(session.start(), 500);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 0u);  // 600 s after the reset would be t = 1100
  EXPECT_FALSE(session.break_due());
}

TEST_F(SitSessionTest, ResetClearsThePostureHistory) {
  run(0, 500, true, Posture::slouching);
  session.reset(500);
  run(500, 1101, true, Posture::upright);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(to_json(*due[0])["movement"], "walk and shoulder rolls");
}

TEST_F(SitSessionTest, ResumeContinuesAnEarlierSession) {
  session.resume(-500, 450);
  run(0, 101, true);
  EXPECT_EQ(session.start(), -500);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_DOUBLE_EQ(due[0]->t, 100);
  EXPECT_DOUBLE_EQ(to_json(*due[0])["sitting_s"].get<double>(), 550);
}

// Time jumps forward (a recorder that paused, a log with a hole): the jump is a gap, not sitting.
TEST_F(SitSessionTest, TwoHourJumpWhileSeatedEndsTheSessionLikeABreak) {
  run(0, 700, true);  // break_due at 600
  run(7900, 8000, true);  // the clock jumped 2 h forward; seated on both sides of the jump
  ASSERT_EQ(of(EventType::break_due).size(), 1u);
  const auto taken = of(EventType::break_taken);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_DOUBLE_EQ(taken[0]->t, 7900);
  EXPECT_DOUBLE_EQ(to_json(*taken[0])["away_s"].get<double>(), 7201);  // from the last sample before it
  EXPECT_DOUBLE_EQ(to_json(*taken[0])["sitting_s"].get<double>(), 699);
  EXPECT_EQ(session.start(), 7900);  // a new session from the first sample after the gap
  EXPECT_DOUBLE_EQ(session.sitting_s(), 99);
  EXPECT_FALSE(session.break_due());
}

TEST_F(SitSessionTest, GapWhileAwayCountsAsPartOfTheBreak) {
  run(0, 300, true);
  run(300, 330, false);  // left 30 s before the recorder paused
  run(7330, 7400, true);
  const auto taken = of(EventType::break_taken);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_DOUBLE_EQ(to_json(*taken[0])["away_s"].get<double>(), 7030);
  EXPECT_TRUE(of(EventType::break_due).empty());
}

TEST_F(SitSessionTest, TenDaysOrAHugeTimeRaiseNoFlood) {
  for (const double jump : {10 * 86400.0, 1e300}) {
    events.clear();
    session.reset(0);
    run(0, 700, true);
    for (int k = 0; k < 100; ++k) session.update(jump + k, true, Posture::upright, events);
    EXPECT_EQ(of(EventType::break_due).size(), 1u) << jump;  // the one at 600, before the jump
    EXPECT_EQ(of(EventType::break_taken).size(), 1u) << jump;
  }
}

TEST_F(SitSessionTest, JumpShorterThanABreakRaisesOneReminderPerRepeat) {
  cfg.min_break_s = 3600;  // so a 40-minute jump does not end the session
  run(0, 700, true);       // break_due at 600; the next would be at 900, 1200, ... 3000
  run(3000, 3400, true);
  const auto due = of(EventType::break_due);
  ASSERT_EQ(due.size(), 3u);
  EXPECT_DOUBLE_EQ(due[1]->t, 3000);  // one for all those the jump passed
  EXPECT_DOUBLE_EQ(due[2]->t, 3300);  // then every repeat interval again
  EXPECT_TRUE(of(EventType::break_taken).empty());
}

TEST_F(SitSessionTest, ResumedSessionFarInThePastRaisesOneReminder) {
  session.resume(0, 100);
  for (int k = 0; k < 100; ++k) session.update(1e12 + k, true, Posture::upright, events);
  EXPECT_EQ(of(EventType::break_due).size(), 1u);
}

TEST(DefaultMovements, CoverEverySituation) {
  const auto m = default_movements();
  for (const char* when : {"slouching", "leaning", "forward", "reclined", "long_sit", "any"}) {
    bool found = false;
    for (const auto& x : m) found = found || (x.when == when && !x.name.empty() && !x.how.empty());
    EXPECT_TRUE(found) << when;
  }
}

}  // namespace
}  // namespace chairhub
