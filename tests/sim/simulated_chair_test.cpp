#include "sim/simulated_chair.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace chairhub {
namespace {

Scenario scenario(const std::string& text) { return parse_scenario(text, "scn.toml", ChannelLayout::standard()); }

struct Run {
  std::vector<Sample> samples;
  std::vector<std::string> labels;
};

Run run(const Scenario& s, const ChannelLayout& layout) {
  SimulatedChair chair(s, layout);
  Run r;
  Sample sample;
  std::string label;
  while (chair.next(sample, label)) {
    r.samples.push_back(sample);
    r.labels.push_back(label);
  }
  return r;
}

const char* kBasic = R"(
[sitter]
seed = 7
[log]
spikes_per_hour = 3600
drift_kg_per_h = 2
[[step]]
posture = "away"
seconds = 2
[[step]]
posture = "upright"
seconds = 5
[[step]]
posture = "leaning_left"
seconds = 3
)";

TEST(SimulatedChair, SameSeedSameSamples) {
  const auto layout = ChannelLayout::standard();
  const auto a = run(scenario(kBasic), layout);
  const auto b = run(scenario(kBasic), layout);
  ASSERT_EQ(a.samples.size(), b.samples.size());
  for (std::size_t i = 0; i < a.samples.size(); ++i) {
    EXPECT_EQ(a.samples[i].t, b.samples[i].t);
    EXPECT_EQ(a.samples[i].values, b.samples[i].values) << i;
  }
  EXPECT_EQ(a.labels, b.labels);
}

TEST(SimulatedChair, DifferentSeedDifferentNoise) {
  const auto layout = ChannelLayout::standard();
  auto s = scenario(kBasic);
  const auto a = run(s, layout);
  s.seed = 8;
  const auto b = run(s, layout);
  ASSERT_EQ(a.samples.size(), b.samples.size());
  EXPECT_NE(a.samples[30].values, b.samples[30].values);
}

TEST(SimulatedChair, DurationAndRate) {
  const auto layout = ChannelLayout::standard();
  auto s = scenario(kBasic);
  SimulatedChair chair(s, layout);
  EXPECT_DOUBLE_EQ(chair.duration_s(), 10);
  auto r = run(s, layout);
  ASSERT_EQ(r.samples.size(), 100u);  // 10 s at 10 Hz
  EXPECT_DOUBLE_EQ(r.samples.front().t, 0);
  EXPECT_DOUBLE_EQ(r.samples[1].t, 0.1);
  EXPECT_DOUBLE_EQ(r.samples.back().t, 9.9);
  s.rate_hz = 80;
  r = run(s, layout);
  ASSERT_EQ(r.samples.size(), 800u);
  EXPECT_DOUBLE_EQ(r.samples[1].t, 0.0125);
  for (const auto& sample : r.samples) ASSERT_EQ(sample.values.size(), layout.size());
}

TEST(SimulatedChair, LabelsFollowTheSteps) {
  const auto r = run(scenario(kBasic), ChannelLayout::standard());
  ASSERT_EQ(r.labels.size(), 100u);
  EXPECT_EQ(r.labels[0], "empty");
  EXPECT_EQ(r.labels[19], "empty");
  EXPECT_EQ(r.labels[20], "upright");
  EXPECT_EQ(r.labels[69], "upright");
  EXPECT_EQ(r.labels[70], "leaning_left");
  EXPECT_EQ(r.labels[99], "leaning_left");
}

double seat_total(const Sample& s) {
  double kg = 0;
  for (std::size_t i = 0; i < 4; ++i) kg += s.values[i];
  return kg;
}

TEST(SimulatedChair, SeatCarriesTheSittersLoad) {
  auto s = scenario("[sitter]\nmass_kg = 100\n[log]\nnoise_kg = 0\nnoise_contact = 0\n[[step]]\nseconds = 5\n");
  const auto r = run(s, ChannelLayout::standard());
  const Sample& last = r.samples.back();
  EXPECT_NEAR(seat_total(last), 80, 1e-9);  // upright: 80 % of the body on the seat
  // The centre of pressure sways only slightly about the centre.
  const double cop_x = (last.values[1] + last.values[3] - last.values[0] - last.values[2]) / seat_total(last);
  EXPECT_NEAR(cop_x, 0, 0.02);
  EXPECT_NEAR(last.values[4], 0.55, 1e-9);  // lumbar contact
  EXPECT_NEAR(last.values[6], 0.65, 1e-9);  // feet flat
}

TEST(SimulatedChair, EmptyChairReadsNothing) {
  auto s = scenario("[log]\nnoise_kg = 0\nnoise_contact = 0\n[[step]]\nposture = \"away\"\nseconds = 2\n");
  const auto r = run(s, ChannelLayout::standard());
  for (const auto& sample : r.samples)
    for (double v : sample.values) EXPECT_DOUBLE_EQ(v, 0);
}

TEST(SimulatedChair, RawUnitsAreCounts) {
  auto s = scenario("[log]\nunits = \"raw\"\n[[step]]\nseconds = 2\n");
  const auto layout = ChannelLayout::standard();
  const auto r = run(s, layout);
  for (const auto& sample : r.samples)
    for (std::size_t i = 0; i < layout.size(); ++i) {
      EXPECT_EQ(sample.values[i], std::round(sample.values[i]));
      EXPECT_GE(sample.values[i], layout.channels[i].raw_min);
      EXPECT_LE(sample.values[i], layout.channels[i].raw_max);
    }
  // 60 kg on four cells at 21000 counts per kg.
  double counts = 0;
  for (std::size_t i = 0; i < 4; ++i) counts += r.samples.back().values[i];
  EXPECT_NEAR(counts / 21000.0, 60, 1);
}

TEST(SimulatedChair, MissingFaultGivesNan) {
  auto s = scenario(R"(
[[step]]
seconds = 5
[[fault]]
channel = "seat_br"
kind = "missing"
at_s = 1
for_s = 2
)");
  const auto r = run(s, ChannelLayout::standard());
  for (const auto& sample : r.samples) {
    const bool during = sample.t >= 1 - 1e-9 && sample.t < 3 - 1e-9;
    EXPECT_EQ(std::isnan(sample.values[3]), during) << sample.t;
    EXPECT_FALSE(std::isnan(sample.values[2])) << sample.t;
  }
}

TEST(SimulatedChair, StuckFaultRepeatsTheLastGoodValue) {
  auto s = scenario("[[step]]\nseconds = 5\n[[fault]]\nchannel = \"seat_fl\"\nkind = \"stuck\"\nat_s = 2\nfor_s = 2\n");
  const auto r = run(s, ChannelLayout::standard());
  const double before = r.samples[19].values[0];
  for (int i = 20; i < 40; ++i) EXPECT_EQ(r.samples[i].values[0], before) << i;
  EXPECT_NE(r.samples[45].values[0], before);
}

TEST(SimulatedChair, SaturatedFaultInRawReadsTheChipMaximum) {
  auto s = scenario(
      "[log]\nunits = \"raw\"\n[[step]]\nseconds = 3\n[[fault]]\nchannel = \"lumbar_l\"\nkind = \"saturated\"\nat_s = 1\nfor_s = 1\n");
  const auto r = run(s, ChannelLayout::standard());
  EXPECT_EQ(r.samples[15].values[4], kAds1115Max);
  EXPECT_NE(r.samples[25].values[4], kAds1115Max);
}

TEST(SimulatedChair, HeavierSitterLoadsTheSeatMore) {
  auto light = scenario("[sitter]\nmass_kg = 45\n[log]\nnoise_kg = 0\n[[step]]\nseconds = 3\n");
  auto heavy = scenario("[sitter]\nmass_kg = 140\n[log]\nnoise_kg = 0\n[[step]]\nseconds = 3\n");
  const auto layout = ChannelLayout::standard();
  EXPECT_NEAR(seat_total(run(light, layout).samples.back()), 36, 1e-9);
  EXPECT_NEAR(seat_total(run(heavy, layout).samples.back()), 112, 1e-9);
}

// Raw counts follow the scenario's [sensors] where it names them, the channel's elsewhere.
TEST(SimulatedChair, RawCountsFollowTheChairsOwnSensors) {
  auto s = scenario(R"([log]
units = "raw"
noise_kg = 0
[sensors]
seat_bl = { offset = 400000, per_kg = 19000 }
[[step]]
posture = "away"
seconds = 1
)");
  const auto r = run(s, ChannelLayout::standard());
  EXPECT_EQ(r.samples.back().values[2], 400000);  // seat_bl: its own offset
  EXPECT_EQ(r.samples.back().values[0], ChannelLayout::standard().channels[0].offset);
}

// A held load replaces the sitter: the weight where it was put, without sway, and only the
// pads pressed; the scenario's end no longer ends the samples.
TEST(SimulatedChair, AHeldLoadStaysWhereItWasPut) {
  auto s = scenario("[log]\nnoise_kg = 0\nnoise_contact = 0\n[[step]]\nseconds = 1\n");
  const auto layout = ChannelLayout::standard();
  SimulatedChair chair(s, layout);
  HeldLoad load{10, layout.channels[3].x, layout.channels[3].y, {{"foot_r", 1.0}}};
  chair.hold(load);
  Sample sample;
  std::string label;
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(chair.next(sample, label)) << i;  // past the scenario's 1 s
  EXPECT_EQ(label, "held");
  EXPECT_NEAR(seat_total(sample), 10, 1e-9);
  EXPECT_GT(sample.values[3], sample.values[0]);  // over seat_br
  EXPECT_DOUBLE_EQ(sample.values[7], 1.0);        // foot_r pressed
  EXPECT_DOUBLE_EQ(sample.values[6], 0.0);        // foot_l not
}

}  // namespace
}  // namespace chairhub
