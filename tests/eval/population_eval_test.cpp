#include "eval/population_eval.hpp"

#include <gtest/gtest.h>

#include "support/chair_states.hpp"

namespace chairhub {
namespace {

using Meanings = std::map<std::string, std::string>;

using test::seated;

TEST(SubjectScorer, BalancedAccuracyWeighsBothClassesEqually) {
  const Meanings meanings;
  SubjectScorer scorer("a", meanings, 0);
  // Nine upright rows all right, one slouching row wrong: plain accuracy 90 %, balanced 50 %.
  for (int i = 0; i < 9; ++i) scorer.add(i, "upright", seated(Posture::upright));
  scorer.add(9, "slouching", seated(Posture::upright));
  const auto& s = scorer.score();
  EXPECT_DOUBLE_EQ(*s.balanced_accuracy(), 0.5);
  EXPECT_DOUBLE_EQ(*s.reported_share(), 1.0);
}

TEST(SubjectScorer, NoPostureYetIsWrongInEitherClassAndNotReported) {
  const Meanings meanings{{"wrong_2", "not_upright"}};
  SubjectScorer scorer("a", meanings, 0);
  scorer.add(0, "upright", seated(std::nullopt));
  scorer.add(1, "wrong_2", seated(std::nullopt));
  scorer.add(2, "wrong_2", seated(Posture::leaning_forward));
  const auto& s = scorer.score();
  EXPECT_EQ(s.judged, 3u);
  EXPECT_DOUBLE_EQ(*s.balanced_accuracy(), (0.0 + 0.5) / 2);
  EXPECT_NEAR(*s.reported_share(), 1.0 / 3, 1e-12);
  EXPECT_EQ(s.settled, 1u);  // "not_upright" names no posture: only the upright row counts
}

TEST(SubjectScorer, OnlyRowsSeatedByBothCountForPosture) {
  const Meanings meanings;
  SubjectScorer scorer("a", meanings, 0);
  scorer.add(0, "empty", ChairState{});
  scorer.add(1, "upright", ChairState{});  // the analysis has not seen them sit yet
  scorer.add(2, "upright", seated(Posture::upright));
  scorer.add(3, "", seated(Posture::upright));  // unlabelled: not scored
  const auto& s = scorer.score();
  EXPECT_EQ(s.labelled, 3u);
  EXPECT_EQ(s.judged, 1u);
  EXPECT_NEAR(*s.occupancy(), 2.0 / 3, 1e-12);
}

TEST(SubjectScorer, AgreementOnlyOnceTheLabelHasSettled) {
  const Meanings meanings;
  SubjectScorer scorer("a", meanings, 5);
  for (int t = 0; t < 10; ++t) scorer.add(t, "slouching", seated(t < 5 ? Posture::upright : Posture::slouching));
  const auto& s = scorer.score();
  EXPECT_EQ(s.settled, 5u);
  EXPECT_DOUBLE_EQ(*s.agreement(), 1.0);
}

TEST(FirstRecording, EndsAtTheFirstChangeOfLabelOrGapInTime) {
  const Meanings meanings{{"correct", "upright"}};
  FirstRecording a(meanings);
  for (double t : {0.0, 1.0, 2.0}) a.add(t, "empty");
  for (double t : {3.0, 4.0, 5.0}) a.add(t, "correct");
  a.add(6, "wrong_2");
  a.add(7, "correct");
  EXPECT_EQ(a.window(), (std::pair{3.0, 5.0}));

  FirstRecording b(meanings);
  for (double t : {0.0, 0.5, 1.0, 10.0, 10.5}) b.add(t, "correct");
  EXPECT_EQ(b.window(), (std::pair{0.0, 1.0}));

  FirstRecording none(meanings);
  none.add(0, "empty");
  none.add(1, "wrong_2");  // seated, but not upright
  EXPECT_FALSE(none.window());
}

TEST(PopulationReport, NamesTheWorstSubjectAndLeavesOutTheUnseated) {
  const Meanings meanings;
  SubjectScorer good("good", meanings, 0), bad("bad", meanings, 0), never("never", meanings, 0);
  good.add(0, "upright", seated(Posture::upright));
  good.add(1, "slouching", seated(Posture::slouching));
  bad.add(0, "upright", seated(Posture::upright));
  bad.add(1, "slouching", seated(Posture::upright));
  never.add(0, "upright", ChairState{});
  const std::vector<SubjectScore> scores = {good.score(), bad.score(), never.score()};
  const std::string text = population_report(scores);
  EXPECT_NE(text.find("worst balanced_accuracy: bad (50.0 %)"), std::string::npos) << text;
  EXPECT_NE(text.find("not scored (never seen seated): 1"), std::string::npos) << text;
  const auto j = population_json(scores);
  EXPECT_DOUBLE_EQ(j["summary"]["balanced_accuracy"]["mean"].get<double>(), 0.75);
  EXPECT_EQ(j["summary"]["balanced_accuracy"]["subjects"].get<int>(), 2);
}

TEST(ScoreSitter, ASimulatedSitterIsJudgedWhileSeated) {
  const Config config;
  const auto score = score_sitter(population_sitter(0), config, BaselineChoice::first_recording, 5);
  EXPECT_GT(score.judged, 1000u);
  EXPECT_GT(*score.occupancy(), 0.95);
  EXPECT_GT(*score.reported_share(), 0.95);
}

}  // namespace
}  // namespace chairhub
