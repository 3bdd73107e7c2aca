#include "eval/evaluation.hpp"

#include <gtest/gtest.h>

#include <string>

namespace chairhub {
namespace {

ChairState seated(std::optional<Posture> posture) {
  ChairState s;
  s.occupied = true;
  s.posture = posture;
  return s;
}
ChairState empty() { return ChairState{}; }
using Meanings = std::map<std::string, std::string>;

std::size_t cell(const Evaluation::Matrix& m, const std::string& truth, const std::string& decided) {
  auto it = m.counts.find({truth, decided});
  return it == m.counts.end() ? 0 : it->second;
}

TEST(Evaluation, NothingScoredAtFirst) {
  Evaluation e(Meanings{});
  EXPECT_EQ(e.occupancy().total, 0u);
  EXPECT_DOUBLE_EQ(e.occupancy().accuracy(), 0);
  EXPECT_EQ(e.unlabelled(), 0u);
}

TEST(Evaluation, OccupancyConfusionCounts) {
  Evaluation e(Meanings{});
  e.add("empty", empty());
  e.add("empty", empty());
  e.add("empty", seated(std::nullopt));
  e.add("upright", seated(Posture::upright));
  e.add("upright", empty());
  const auto& m = e.occupancy();
  EXPECT_EQ(m.total, 5u);
  EXPECT_EQ(m.correct, 3u);
  EXPECT_EQ(cell(m, "empty", "empty"), 2u);
  EXPECT_EQ(cell(m, "empty", "seated"), 1u);
  EXPECT_EQ(cell(m, "seated", "seated"), 1u);
  EXPECT_EQ(cell(m, "seated", "empty"), 1u);
  EXPECT_DOUBLE_EQ(m.accuracy(), 0.6);
}

TEST(Evaluation, PostureConfusionCounts) {
  Evaluation e(Meanings{});
  e.add("upright", seated(Posture::upright));
  e.add("upright", seated(Posture::slouching));
  e.add("slouching", seated(Posture::slouching));
  e.add("slouching", seated(std::nullopt));  // not reported yet
  e.add("slouching", empty());                // missed the sitter
  e.add("empty", empty());                    // no posture row for an empty chair
  const auto& m = e.posture();
  EXPECT_EQ(m.total, 5u);
  EXPECT_EQ(m.correct, 2u);
  EXPECT_EQ(cell(m, "upright", "upright"), 1u);
  EXPECT_EQ(cell(m, "upright", "slouching"), 1u);
  EXPECT_EQ(cell(m, "slouching", "slouching"), 1u);
  EXPECT_EQ(cell(m, "slouching", "none"), 1u);
  EXPECT_EQ(cell(m, "slouching", "empty"), 1u);
  EXPECT_EQ(m.truths, (std::vector<std::string>{"upright", "slouching"}));
  EXPECT_EQ(m.decisions, (std::vector<std::string>{"upright", "slouching", "none", "empty"}));
}

TEST(Evaluation, EmptyLabelIsNotScored) {
  Evaluation e(Meanings{});
  e.add("", seated(Posture::upright));
  EXPECT_EQ(e.unlabelled(), 1u);
  EXPECT_EQ(e.occupancy().total, 0u);
}

TEST(Evaluation, UnknownLabelIsNotScored) {
  Evaluation e(Meanings{});
  e.add("typing", seated(Posture::upright));
  EXPECT_EQ(e.unlabelled(), 1u);
  EXPECT_EQ(e.posture().total, 0u);
}

TEST(Evaluation, IgnoreMeaningIsNotScored) {
  Evaluation e(Meanings{{"transition", "ignore"}, {"upright", "ignore"}});
  e.add("transition", seated(Posture::upright));
  e.add("upright", seated(Posture::upright));  // a mapping overrides the label's own meaning
  EXPECT_EQ(e.unlabelled(), 2u);
  EXPECT_EQ(e.occupancy().total, 0u);
}

TEST(Evaluation, NotUprightMeansAnyOtherPosture) {
  Evaluation e(Meanings{{"bad", "not_upright"}});
  e.add("bad", seated(Posture::slouching));
  e.add("bad", seated(Posture::leaning_left));
  e.add("bad", seated(Posture::upright));
  e.add("bad", seated(std::nullopt));
  e.add("bad", empty());
  const auto& m = e.posture();
  EXPECT_EQ(m.total, 5u);
  EXPECT_EQ(m.correct, 2u);
  EXPECT_EQ(cell(m, "not_upright", "slouching"), 1u);
  EXPECT_EQ(cell(m, "not_upright", "upright"), 1u);
  EXPECT_EQ(e.occupancy().correct, 4u);
}

TEST(Evaluation, CustomMap) {
  Evaluation e(Meanings{{"sitting_straight", "upright"}, {"nobody", "empty"}, {"hunched", "slouching"}});
  e.add("sitting_straight", seated(Posture::upright));
  e.add("hunched", seated(Posture::slouching));
  e.add("nobody", empty());
  EXPECT_EQ(e.occupancy().total, 3u);
  EXPECT_EQ(e.occupancy().correct, 3u);
  EXPECT_EQ(e.posture().total, 2u);
  EXPECT_EQ(e.posture().correct, 2u);
  EXPECT_EQ(cell(e.posture(), "upright", "upright"), 1u);
  EXPECT_EQ(cell(e.occupancy(), "empty", "empty"), 1u);
  EXPECT_EQ(e.unlabelled(), 0u);
}

TEST(Evaluation, ReportAndJson) {
  Evaluation e(Meanings{});
  e.add("upright", seated(Posture::upright));
  e.add("empty", empty());
  e.add("", empty());
  const auto text = e.report();
  EXPECT_NE(text.find("occupancy: accuracy 100.0 % over 2 samples"), std::string::npos) << text;
  EXPECT_NE(text.find("posture: accuracy 100.0 % over 1 samples"), std::string::npos) << text;
  EXPECT_NE(text.find("1 samples without a usable label"), std::string::npos) << text;
  const auto j = e.to_json();
  EXPECT_EQ(j["occupancy"]["samples"], 2);
  EXPECT_EQ(j["occupancy"]["correct"], 2);
  EXPECT_EQ(j["posture"]["matrix"]["upright"]["upright"], 1);
  EXPECT_EQ(j["unscored"], 1);
}

}  // namespace
}  // namespace chairhub
