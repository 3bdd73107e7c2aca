#include "sim/scenario.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/input_error.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

Scenario parse(const std::string& text) { return parse_scenario(text, "scn.toml", ChannelLayout::standard()); }

// Parsing must fail with a message holding every fragment.
void expect_error(const std::string& text, const std::vector<std::string>& fragments) {
  try {
    parse(text);
    ADD_FAILURE() << "no error for:\n" << text;
  } catch (const InputError& e) {
    const std::string what = e.what();
    for (const auto& f : fragments) EXPECT_NE(what.find(f), std::string::npos) << "'" << f << "' not in: " << what;
  }
}

TEST(Scenario, MinimalScenarioTakesDefaults) {
  const Scenario s = parse("[[step]]\nseconds = 10\n");
  EXPECT_DOUBLE_EQ(s.mass_kg, 75);
  EXPECT_DOUBLE_EQ(s.rate_hz, 10);
  EXPECT_EQ(s.units, Units::calibrated);
  EXPECT_EQ(s.seed, 1u);
  ASSERT_EQ(s.steps.size(), 1u);
  EXPECT_EQ(s.steps[0].posture, Posture::upright);
  EXPECT_EQ(s.steps[0].feet, Feet::flat);
  EXPECT_DOUBLE_EQ(s.steps[0].duration_s, 10);
  EXPECT_TRUE(s.faults.empty());
}

TEST(Scenario, EverythingParsed) {
  const Scenario s = parse(R"(
[sitter]
mass_kg = 140
offset_x = 0.12
offset_y = -0.05
seed = 42
[log]
rate_hz = 80
units = "raw"
noise_kg = 0.3
noise_contact = 0.05
spikes_per_hour = 20
drift_kg_per_h = 1.5
move_s = 2
[[step]]
posture = "away"
seconds = 5
[[step]]
posture = "slouching"
feet = "tucked"
minutes = 2
seconds = 30
[[step]]
posture = "leaning_left"
feet = "dangling"
seconds = 1
[[fault]]
channel = "seat_fl"
kind = "missing"
at_s = 10
for_s = 3
)");
  EXPECT_DOUBLE_EQ(s.mass_kg, 140);
  EXPECT_DOUBLE_EQ(s.offset_x, 0.12);
  EXPECT_DOUBLE_EQ(s.offset_y, -0.05);
  EXPECT_EQ(s.seed, 42u);
  EXPECT_DOUBLE_EQ(s.rate_hz, 80);
  EXPECT_EQ(s.units, Units::raw);
  EXPECT_DOUBLE_EQ(s.noise_kg, 0.3);
  EXPECT_DOUBLE_EQ(s.noise_contact, 0.05);
  EXPECT_DOUBLE_EQ(s.spikes_per_hour, 20);
  EXPECT_DOUBLE_EQ(s.drift_kg_per_h, 1.5);
  EXPECT_DOUBLE_EQ(s.move_s, 2);
  ASSERT_EQ(s.steps.size(), 3u);
  EXPECT_FALSE(s.steps[0].posture.has_value());
  EXPECT_EQ(s.steps[1].posture, Posture::slouching);
  EXPECT_EQ(s.steps[1].feet, Feet::tucked);
  EXPECT_DOUBLE_EQ(s.steps[1].duration_s, 150);
  EXPECT_EQ(s.steps[2].feet, Feet::dangling);
  ASSERT_EQ(s.faults.size(), 1u);
  EXPECT_EQ(s.faults[0].channel, "seat_fl");
  EXPECT_EQ(s.faults[0].kind, "missing");
  EXPECT_DOUBLE_EQ(s.faults[0].at_s, 10);
  EXPECT_DOUBLE_EQ(s.faults[0].for_s, 3);
}

TEST(Scenario, OutOfRangeNamesLineAndKey) {
  expect_error("[sitter]\nmass_kg = 10\n[[step]]\nseconds = 1\n", {"scn.toml:2:", "mass_kg", "between"});
}

TEST(Scenario, WrongTypeNamesLineAndKey) {
  expect_error("[log]\n\nrate_hz = \"fast\"\n[[step]]\nseconds = 1\n", {"scn.toml:3:", "rate_hz", "expected a number"});
}

TEST(Scenario, BadUnits) {
  expect_error("[log]\nunits = \"kg\"\n[[step]]\nseconds = 1\n", {"scn.toml:2:", "units"});
}

TEST(Scenario, UnknownPosture) {
  expect_error("[[step]]\nseconds = 1\n[[step]]\nposture = \"sprawled\"\nseconds = 1\n",
               {"scn.toml:4:", "posture", "'sprawled'"});
}

TEST(Scenario, BadFeet) {
  expect_error("[[step]]\nfeet = \"crossed\"\nseconds = 1\n", {"scn.toml:2:", "feet"});
}

TEST(Scenario, StepWithoutDuration) {
  expect_error("[[step]]\nposture = \"upright\"\n", {"scn.toml:1:", "step", "seconds or minutes"});
}

TEST(Scenario, NoSteps) { expect_error("[sitter]\nmass_kg = 70\n", {"scn.toml", "step", "no [[step]]"}); }

TEST(Scenario, StepMustBeTables) { expect_error("step = 3\n", {"scn.toml:1:", "step"}); }

TEST(Scenario, FaultOnUnknownChannel) {
  expect_error("[[step]]\nseconds = 1\n[[fault]]\nchannel = \"armrest\"\nkind = \"missing\"\n",
               {"scn.toml:4:", "channel", "'armrest'"});
}

TEST(Scenario, BadFaultKind) {
  expect_error("[[step]]\nseconds = 1\n[[fault]]\nchannel = \"seat_fl\"\nkind = \"melted\"\n",
               {"scn.toml:5:", "kind"});
}

TEST(Scenario, TomlSyntaxErrorNamesLine) { expect_error("[[step]]\nseconds = \n", {"scn.toml:2:"}); }

// A typo such as `mas_kg` must not silently fall back to the default.
TEST(Scenario, UnknownKeyIsReported) {
  expect_error("[sitter]\nmas_kg = 140\n[[step]]\nseconds = 1\n", {"scn.toml:2:", "mas_kg"});
}

TEST(Scenario, UnknownKeyInAStepIsReported) {
  expect_error("[[step]]\nseconds = 1\npostur = \"slouching\"\n", {"scn.toml:3:", "postur", "unknown key"});
}

TEST(Scenario, UnknownSectionIsReported) {
  expect_error("[[step]]\nseconds = 1\n[sittter]\nmass_kg = 60\n", {"scn.toml:3:", "sittter"});
}

TEST(Scenario, LoadFromFile) {
  testing_support::TempDir dir;
  const auto path = dir.write("s.toml", "[[step]]\nminutes = 1\n");
  const Scenario s = load_scenario(path, ChannelLayout::standard());
  ASSERT_EQ(s.steps.size(), 1u);
  EXPECT_DOUBLE_EQ(s.steps[0].duration_s, 60);
}

TEST(Scenario, LoadErrorsNameTheFile) {
  testing_support::TempDir dir;
  const auto path = dir.write("s.toml", "[sitter]\nmass_kg = 1000\n[[step]]\nseconds = 1\n");
  try {
    load_scenario(path, ChannelLayout::standard());
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":2:"), std::string::npos) << e.what();
  }
}

TEST(Scenario, MissingFile) {
  testing_support::TempDir dir;
  EXPECT_THROW(load_scenario(dir.path("none.toml"), ChannelLayout::standard()), InputError);
}

}  // namespace
}  // namespace chairhub

namespace chairhub {
namespace {

TEST(Scenario, BodyGeometry) {
  const Scenario typical = parse("[[step]]\nseconds = 10\n");
  EXPECT_DOUBLE_EQ(typical.body.slouch_slide, 0.12);
  EXPECT_DOUBLE_EQ(typical.body.lean_reach, 1);
  EXPECT_DOUBLE_EQ(typical.body.seat_share, 0.8);
  EXPECT_DOUBLE_EQ(typical.body.back_firmness, 1);
  const Scenario s = parse(
      "[sitter]\nslouch_slide = 0.3\nlean_reach = 0.7\nseat_share = 0.86\nback_firmness = 1.4\n[[step]]\nseconds = 10\n");
  EXPECT_DOUBLE_EQ(s.body.slouch_slide, 0.3);
  EXPECT_DOUBLE_EQ(s.body.lean_reach, 0.7);
  EXPECT_DOUBLE_EQ(s.body.seat_share, 0.86);
  EXPECT_DOUBLE_EQ(s.body.back_firmness, 1.4);
  expect_error("[sitter]\nseat_share = 1.5\n[[step]]\nseconds = 10\n", {"scn.toml", "seat_share"});
}

}  // namespace
}  // namespace chairhub

namespace chairhub {
namespace {

TEST(Scenario, OtherIsNotAPostureToActOut) {
  expect_error("[[step]]\nposture = \"other\"\nseconds = 10\n", {"scn.toml", "posture", "'other'"});
}

// The simulated chips' part: the chair's own sensor constants and the chips' troubles.
TEST(Scenario, SensorsAndDevices) {
  const Scenario s = parse(R"([[step]]
minutes = 1
[sensors]
seat_bl = { offset = 400000, per_kg = 19000 }
foot_l = { empty = 700, full = 25000 }
[devices]
no_i2c_bus = true
taken_lines = [16, 20]
[devices.faults]
seat_fr = "never_ready"
)");
  ASSERT_EQ(s.sensors.size(), 2u);
  EXPECT_EQ(s.sensors.at("seat_bl").offset, 400000);
  EXPECT_EQ(s.sensors.at("seat_bl").per_kg, 19000);
  EXPECT_FALSE(s.sensors.at("seat_bl").empty);
  EXPECT_EQ(s.sensors.at("foot_l").full, 25000);
  EXPECT_TRUE(s.devices.no_i2c_bus);
  EXPECT_EQ(s.devices.taken_lines, (std::vector<unsigned>{16, 20}));
  ASSERT_EQ(s.devices.faults.size(), 1u);
  EXPECT_EQ(s.devices.faults[0].channel, "seat_fr");
  EXPECT_EQ(s.devices.faults[0].kind, "never_ready");
  EXPECT_EQ(s.devices.faults[0].file, "scn.toml");
  EXPECT_EQ(s.devices.faults[0].line, 10);
}

TEST(Scenario, BadSensorsAndDevicesNameLineAndKey) {
  expect_error("[[step]]\nminutes = 1\n[sensors]\nseat_zz = { offset = 1 }\n",
               {"scn.toml:4: sensors.seat_zz: not a channel of the config"});
  expect_error("[[step]]\nminutes = 1\n[sensors]\nlumbar_l = { offset = 1 }\n",
               {"scn.toml:4: sensors.lumbar_l.offset: unknown key"});
  expect_error("[[step]]\nminutes = 1\n[sensors]\nseat_fl = { per_kg = 0 }\n", {"scn.toml:4:", "per_kg"});
  expect_error("[[step]]\nminutes = 1\n[devices]\ntaken_lines = [64]\n",
               {"scn.toml:4: devices.taken_lines: expected line numbers 0..63"});
  expect_error("[[step]]\nminutes = 1\n[devices]\ntaken_lines = 16\n", {"scn.toml:4: devices.taken_lines: expected a list"});
  expect_error("[[step]]\nminutes = 1\n[devices.faults]\nseat_zz = \"stuck_low\"\nseat_fl = 3\n",
               {"scn.toml:4: devices.faults.seat_zz: not a channel", "scn.toml:5: devices.faults.seat_fl: expected a fault"});
}

}  // namespace
}  // namespace chairhub
