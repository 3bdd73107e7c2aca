#include "analysis/posture.hpp"

#include <gtest/gtest.h>

#include <ostream>

namespace chairhub {

// Readable failure messages: gtest finds this by argument-dependent lookup.
void PrintTo(Posture p, std::ostream* os) { *os << to_string(p); }

namespace {

const PostureConfig kCfg;  // lateral 0.2, forward 0.3, slouch_back 0.1, recline 0.15,
                           // lumbar_contact 0.15, lumbar_firm 0.45, hysteresis 0.03

Posture classify(double x, double y, std::optional<double> lumbar, const Baseline& b = {},
                 std::optional<Posture> held = std::nullopt) {
  return classify_posture({x, y, lumbar}, b, kCfg, held);
}

TEST(Posture, NamesRoundTrip) {
  for (Posture p : kAllPostures) EXPECT_EQ(posture_from_string(to_string(p)), p);
  EXPECT_EQ(posture_from_string("sitting"), std::nullopt);
  EXPECT_EQ(to_string(Posture::leaning_forward), "leaning_forward");
}

TEST(Posture, Upright) { EXPECT_EQ(classify(0, 0, 0.5), Posture::upright); }

TEST(Posture, UprightWithLightBackContact) { EXPECT_EQ(classify(0.1, 0.1, 0.2), Posture::upright); }

TEST(Posture, SlouchingWhenLumbarContactIsLost) {
  EXPECT_EQ(classify(0, 0, 0.05), Posture::slouching);
  EXPECT_EQ(classify(0, 0.15, 0.0), Posture::slouching);   // a little forward
  EXPECT_EQ(classify(0, -0.08, 0.0), Posture::slouching);  // a little back still counts
}

TEST(Posture, WeightFarBackWithoutContactIsNotSlouching) {
  EXPECT_EQ(classify(0, -0.2, 0.0), Posture::upright);
}

TEST(Posture, LeaningLeftAndRight) {
  EXPECT_EQ(classify(-0.25, 0, 0.5), Posture::leaning_left);
  EXPECT_EQ(classify(0.25, 0, 0.5), Posture::leaning_right);
  EXPECT_EQ(classify(-0.25, 0, 0.0), Posture::leaning_left);  // lean wins over lost contact
  EXPECT_EQ(classify(0.19, 0, 0.5), Posture::upright);        // just under a 60/40 split
}

TEST(Posture, LeaningForwardNeedsNoBackContact) {
  EXPECT_EQ(classify(0, 0.35, 0.0), Posture::leaning_forward);
  EXPECT_EQ(classify(0, 0.35, 0.5), Posture::upright);  // back still on the backrest
}

TEST(Posture, RecliningNeedsFirmBackContact) {
  EXPECT_EQ(classify(0, -0.2, 0.6), Posture::reclined);
  EXPECT_EQ(classify(0, -0.2, 0.3), Posture::upright);  // contact, but not firm
  EXPECT_EQ(classify(0, -0.1, 0.6), Posture::upright);  // firm, but not far enough back
}

TEST(Posture, JudgedRelativeToAnOffCentreBaseline) {
  Baseline b;
  b.cop_x = 0.15;
  b.cop_y = 0.1;
  // What would be a lean for a centred sitter is this sitter's upright...
  EXPECT_EQ(classify(0.3, 0.1, 0.5), Posture::leaning_right);
  EXPECT_EQ(classify(0.3, 0.1, 0.5, b), Posture::upright);
  // ...and a shift that looks central is a lean to the left for them.
  EXPECT_EQ(classify(-0.06, 0.1, 0.5), Posture::upright);
  EXPECT_EQ(classify(-0.06, 0.1, 0.5, b), Posture::leaning_left);
  // Forward and back are relative too.
  EXPECT_EQ(classify(0.15, 0.45, 0.0, b), Posture::leaning_forward);
  EXPECT_EQ(classify(0.15, 0.35, 0.0, b), Posture::slouching);
  EXPECT_EQ(classify(0.15, -0.1, 0.6, b), Posture::reclined);
}

TEST(Posture, HysteresisKeepsAHeldLean) {
  // 0.185 does not reach the 0.2 threshold, but keeps a lean already held (0.2 - 0.03).
  EXPECT_EQ(classify(0.185, 0, 0.5, {}, Posture::upright), Posture::upright);
  EXPECT_EQ(classify(0.185, 0, 0.5, {}, Posture::leaning_right), Posture::leaning_right);
  EXPECT_EQ(classify(-0.185, 0, 0.5, {}, Posture::leaning_left), Posture::leaning_left);
  EXPECT_EQ(classify(0.16, 0, 0.5, {}, Posture::leaning_right), Posture::upright);  // beyond the band
}

TEST(Posture, HysteresisKeepsLeaningForward) {
  EXPECT_EQ(classify(0, 0.28, 0.0, {}, std::nullopt), Posture::slouching);
  EXPECT_EQ(classify(0, 0.28, 0.0, {}, Posture::leaning_forward), Posture::leaning_forward);
}

TEST(Posture, HysteresisKeepsLumbarContact) {
  // 0.13 is below the 0.15 contact threshold but within the band for a sitter who had contact.
  EXPECT_EQ(classify(0, 0, 0.13, {}, std::nullopt), Posture::slouching);
  EXPECT_EQ(classify(0, 0, 0.13, {}, Posture::upright), Posture::upright);
  EXPECT_EQ(classify(0, 0, 0.11, {}, Posture::upright), Posture::slouching);
}

// Regression: the slouch bound is a lower bound on dy, so its band must widen backwards for a
// held slouch; it used to narrow, and a held slouch at dy -0.08 turned upright, then back.
TEST(Posture, HysteresisKeepsSlouchingSlightlyBack) {
  EXPECT_EQ(classify(0, -0.08, 0.0, {}, std::nullopt), Posture::slouching);
  EXPECT_EQ(classify(0, -0.08, 0.0, {}, Posture::slouching), Posture::slouching);
  EXPECT_EQ(classify(0, -0.12, 0.0, {}, Posture::slouching), Posture::slouching);
}

TEST(Posture, HysteresisKeepsRecliningNearTheBackThreshold) {
  EXPECT_EQ(classify(0, -0.13, 0.6, {}, std::nullopt), Posture::upright);
  EXPECT_EQ(classify(0, -0.13, 0.6, {}, Posture::reclined), Posture::reclined);
}

// posture.hpp: "thresholds loosen by this for the posture already held", lumbar_firm included:
// a held recline survives contact dipping just under lumbar_firm.
TEST(Posture, HysteresisKeepsRecliningNearTheFirmContactThreshold) {
  EXPECT_EQ(classify(0, -0.3, 0.44, {}, std::nullopt), Posture::upright);
  EXPECT_EQ(classify(0, -0.3, 0.44, {}, Posture::reclined), Posture::reclined);
  EXPECT_EQ(classify(0, -0.3, 0.40, {}, Posture::reclined), Posture::upright);  // beyond the band
}

TEST(Posture, NoBackrestSensing) {
  EXPECT_EQ(classify(0, 0, std::nullopt), Posture::upright);
  EXPECT_EQ(classify(0, 0.35, std::nullopt), Posture::leaning_forward);
  EXPECT_EQ(classify(0, -0.4, std::nullopt), Posture::upright);  // recline needs a backrest
  EXPECT_EQ(classify(0.3, 0, std::nullopt), Posture::leaning_right);
  EXPECT_EQ(classify(0, 0.28, std::nullopt, {}, Posture::leaning_forward), Posture::leaning_forward);
}

TEST(Posture, ThresholdsComeFromTheConfig) {
  PostureConfig cfg;
  cfg.lateral = 0.4;
  EXPECT_EQ(classify_posture({0.3, 0, 0.5}, {}, cfg, std::nullopt), Posture::upright);
  cfg.lateral = 0.1;
  EXPECT_EQ(classify_posture({0.3, 0, 0.5}, {}, cfg, std::nullopt), Posture::leaning_right);
}

}  // namespace
}  // namespace chairhub
