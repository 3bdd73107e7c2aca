// The guided steps driven as a front end would, with readings made up from a model chair
// instead of sensors.
#include "calibration/steps.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/input_error.hpp"

namespace chairhub {
namespace {

// The standard chair's raw readings: each seat cell gets its bilinear share of a weight at
// (x, y); a pad reads its empty level, or its full one when pressed.
struct ModelChair {
  ChannelLayout layout = ChannelLayout::standard();
  std::vector<double> offset = {8000, -3000, 400000, 500};
  std::vector<double> per_kg = {20000, 22500, 19000, 21000};
  std::vector<double> empty = {900, 1100, 700, 800}, full = {22000, 20000, 25000, 23000};

  double raw(std::size_t slot, const CalibrationStep& step) const {
    const Channel& ch = layout.channels[slot];
    if (ch.role != Role::seat) return ch.name == step.pressed ? full[slot - 4] : empty[slot - 4];
    const double share = (1 + step.x * ch.x) / 2 * (1 + step.y * ch.y) / 2;
    return offset[slot] + step.kg * share * per_kg[slot];
  }
  std::vector<double> read(const CalibrationStep& step) const {
    std::vector<double> out;
    for (std::size_t slot : step.slots) out.push_back(raw(slot, step));
    return out;
  }
};

CalibrationPlan all_wired(const ChannelLayout& layout) {
  return plan_calibration(layout, {}, "chair.toml", [](const Channel&) { FAIL() << "nothing is unwired"; });
}

TEST(CalibrationSteps, PlanSkipsUnwiredPadsButNeedsEverySeatCell) {
  const ChannelLayout layout = ChannelLayout::standard();
  std::vector<std::string> skipped;
  const CalibrationPlan p =
      plan_calibration(layout, {"foot_l", "foot_r"}, "chair.toml", [&](const Channel& ch) { skipped.push_back(ch.name); });
  EXPECT_EQ(p.seats, (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(p.pads, (std::vector<std::size_t>{4, 5}));
  EXPECT_EQ(skipped, (std::vector<std::string>{"foot_l", "foot_r"}));
  try {
    plan_calibration(layout, {"seat_br"}, "chair.toml", [](const Channel&) {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "chair.toml: seat cell seat_br is not wired in [hardware]; calibration needs every seat cell");
  }
}

TEST(CalibrationSteps, FullCalibrationRecoversTheChair) {
  const ModelChair chair;
  FullCalibration cal(chair.layout, all_wired(chair.layout), 10);
  cal.empty_measured(chair.read(cal.empty_step()));
  const std::vector<CalibrationStep> weights = cal.weight_steps();
  ASSERT_EQ(weights.size(), 5u);
  EXPECT_EQ(weights[0].text, "\n2. Put the 10 kg weight on the middle of the seat and take your hands off.");
  EXPECT_EQ(weights[1].name, "front-left corner (seat_fl)");
  EXPECT_EQ(weights[1].measuring, "the weight at the front-left corner (seat_fl)");
  for (const auto& step : weights) cal.weight_measured(step, chair.read(step));
  EXPECT_LT(cal.solve().worst_kg, 1e-6);
  cal.check_fit();
  const std::vector<CalibrationStep> pads = cal.pad_steps();
  ASSERT_EQ(pads.size(), 4u);
  EXPECT_EQ(pads[0].text, "\n7. Take the weight off the seat. Press the lumbar_l pad (backrest, left) firmly with your palm "
                          "and keep pressing until it says done.");
  EXPECT_EQ(pads[3].name, "pressing foot_r");
  for (const auto& step : pads) cal.pad_measured(step, chair.read(step).front());

  const CalibrationResult r = cal.result("2024-05-01T09:30:00Z");
  ASSERT_EQ(r.calibration.size(), 8u);
  for (std::size_t i = 0; i < 4; ++i) {
    const ChannelCalibration& c = r.calibration.at(chair.layout.channels[i].name);
    EXPECT_DOUBLE_EQ(*c.offset, chair.offset[i]);
    EXPECT_NEAR(*c.scale, 1 / chair.per_kg[i], 1e-12);
  }
  EXPECT_DOUBLE_EQ(*r.calibration.at("foot_l").full, 25000);
  EXPECT_DOUBLE_EQ(*r.calibration.at("foot_l").empty, 700);
  EXPECT_EQ(r.comment.at(0), "chairhub calibration: written by `chairhub calibrate` on 2024-05-01T09:30:00Z");
  EXPECT_EQ(r.comment.at(1), "known weight 10 kg at the centre and over each of 4 cells; fit 0.000 kg rms, worst 0.000 kg");
}

TEST(CalibrationSteps, ASlippedWeightIsRefused) {
  const ModelChair chair;
  FullCalibration cal(chair.layout, all_wired(chair.layout), 10);
  cal.empty_measured(chair.read(cal.empty_step()));
  for (const CalibrationStep& step : cal.weight_steps()) {
    CalibrationStep leant_on = step;
    if (step.name == "centre") leant_on.kg = 14;  // something leant on the seat meanwhile
    cal.weight_measured(step, chair.read(leant_on));
  }
  cal.solve();
  try {
    cal.check_fit();
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the placements disagree by up to"), std::string::npos) << e.what();
  }
}

TEST(CalibrationSteps, APadThatDoesNotRespondIsNamed) {
  const ModelChair chair;
  FullCalibration cal(chair.layout, all_wired(chair.layout), 10);
  cal.empty_measured(chair.read(cal.empty_step()));
  const CalibrationStep lumbar = cal.pad_steps().front();
  EXPECT_THROW(cal.pad_measured(lumbar, 950), std::invalid_argument);
}

TEST(CalibrationSteps, TareKeepsTheRestOfTheEarlierCalibration) {
  const ModelChair chair;
  const CalibrationPlan p = all_wired(chair.layout);
  const CalibrationStep step = tare_step(p);
  EXPECT_EQ(step.name, "the empty seat");
  EXPECT_EQ(step.slots, p.seats);
  Calibration earlier;
  earlier["seat_fl"] = {7000, 5e-5, {}, {}};
  earlier["foot_r"].full = 2;
  const CalibrationResult r = tare_result(earlier, chair.layout, p, chair.read(step), "now");
  EXPECT_DOUBLE_EQ(*r.calibration.at("seat_fl").offset, 8000);
  EXPECT_DOUBLE_EQ(*r.calibration.at("seat_fl").scale, 5e-5);
  EXPECT_DOUBLE_EQ(*r.calibration.at("seat_bl").offset, 400000);
  EXPECT_FALSE(r.calibration.at("seat_bl").scale);
  EXPECT_DOUBLE_EQ(*r.calibration.at("foot_r").full, 2);
  EXPECT_EQ(r.comment.at(0), "chairhub calibration: offsets from `chairhub calibrate --tare` on now");
}

}  // namespace
}  // namespace chairhub
