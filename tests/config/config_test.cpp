#include "config/config.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/config_problems.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

using testing_support::has_problem;
using testing_support::joined;
using testing_support::problems_of;

TEST(Config, DefaultsWithoutAFile) {
  const Config c;
  EXPECT_TRUE(c.path.empty());
  ASSERT_EQ(c.layout.size(), 8u);
  EXPECT_EQ(c.layout.channels[0].name, "seat_fl");
  EXPECT_EQ(c.layout.count(Role::seat), 4u);
  EXPECT_EQ(c.layout.count(Role::back), 2u);
  EXPECT_EQ(c.layout.count(Role::foot), 2u);
  EXPECT_DOUBLE_EQ(c.analysis.posture.dwell_s, 3);
  EXPECT_DOUBLE_EQ(c.analysis.breaks.interval_s, 45 * 60);
  EXPECT_DOUBLE_EQ(c.analysis.breaks.repeat_s, 15 * 60);
  EXPECT_DOUBLE_EQ(c.analysis.breaks.min_break_s, 2 * 60);
  EXPECT_DOUBLE_EQ(c.analysis.nudges.lumbar_after_s, 60);
  EXPECT_FALSE(c.analysis.breaks.movements.empty());
  EXPECT_TRUE(c.eval_labels.empty());
}

// Each posture threshold is one row of kPostureTunables: the default a config without it gets,
// the key the reader takes, and the range it checks, all from that row.
TEST(Config, EveryPostureTunableIsItsRow) {
  const PostureConfig defaults;
  for (const auto& row : kPostureTunables) {
    SCOPED_TRACE(std::string(row.key));
    EXPECT_EQ(defaults.*row.field, row.fallback);
    const std::string key(row.key);
    const Config c = parse_config("[posture]\n" + key + " = " + std::to_string(row.max) + "\n", "p.toml");
    EXPECT_DOUBLE_EQ(c.analysis.posture.*row.field, row.max);
    const auto problems = problems_of("[posture]\n" + key + " = 1e9\n");
    EXPECT_TRUE(has_problem(problems, "cfg.toml:2: posture." + key + ": must be between")) << joined(problems);
  }
}

TEST(Config, EmptyTextGivesDefaults) {
  const Config c = parse_config("", "empty.toml");
  EXPECT_EQ(c.path, "empty.toml");
  EXPECT_EQ(c.layout.size(), 8u);
  EXPECT_DOUBLE_EQ(c.analysis.smoothing_s, AnalysisConfig{}.smoothing_s);
}

TEST(Config, EverySectionIsParsed) {
  const Config c = parse_config(R"(
[signal]
smoothing_s = 0.8
[health]
fault_s = 1.5
fault_samples = 5
stuck_s = 4
stuck_samples = 20
recover_s = 2
[occupancy]
on_kg = 20
off_kg = 10
debounce_s = 3
[posture]
dwell_s = 5
lateral = 0.25
forward = 0.35
slouch_back = 0.05
recline = 0.2
lumbar_contact = 0.2
lumbar_firm = 0.5
hysteresis = 0.04
[feet]
pad_contact = 0.3
dwell_s = 4
seat_rise = 0.1
[baseline]
cop_x = 0.1
cop_y = -0.05
auto_learn_s = 0
[nudges]
enabled = false
lumbar_after_s = 30
feet_after_s = 40
posture_after_s = 50
cooldown_min = 5
min_gap_s = 20
[hardware]
anything = "kept for the hardware part"
[mqtt]
host = "localhost"
[service]
x = 1
)",
                                "all.toml");
  const auto& a = c.analysis;
  EXPECT_DOUBLE_EQ(a.smoothing_s, 0.8);
  EXPECT_DOUBLE_EQ(a.health.fault_s, 1.5);
  EXPECT_EQ(a.health.fault_samples, 5);
  EXPECT_DOUBLE_EQ(a.health.stuck_s, 4);
  EXPECT_EQ(a.health.stuck_samples, 20);
  EXPECT_DOUBLE_EQ(a.health.recover_s, 2);
  EXPECT_DOUBLE_EQ(a.occupancy.on_kg, 20);
  EXPECT_DOUBLE_EQ(a.occupancy.off_kg, 10);
  EXPECT_DOUBLE_EQ(a.occupancy.debounce_s, 3);
  EXPECT_DOUBLE_EQ(a.posture.dwell_s, 5);
  EXPECT_DOUBLE_EQ(a.posture.lateral, 0.25);
  EXPECT_DOUBLE_EQ(a.posture.forward, 0.35);
  EXPECT_DOUBLE_EQ(a.posture.slouch_back, 0.05);
  EXPECT_DOUBLE_EQ(a.posture.recline, 0.2);
  EXPECT_DOUBLE_EQ(a.posture.lumbar_contact, 0.2);
  EXPECT_DOUBLE_EQ(a.posture.lumbar_firm, 0.5);
  EXPECT_DOUBLE_EQ(a.posture.hysteresis, 0.04);
  EXPECT_DOUBLE_EQ(a.feet.pad_contact, 0.3);
  EXPECT_DOUBLE_EQ(a.feet.dwell_s, 4);
  EXPECT_DOUBLE_EQ(a.feet.seat_rise, 0.1);
  EXPECT_DOUBLE_EQ(a.baseline.default_cop_x, 0.1);
  EXPECT_DOUBLE_EQ(a.baseline.default_cop_y, -0.05);
  EXPECT_DOUBLE_EQ(a.baseline.auto_learn_s, 0);
  EXPECT_FALSE(a.nudges.enabled);
  EXPECT_DOUBLE_EQ(a.nudges.lumbar_after_s, 30);
  EXPECT_DOUBLE_EQ(a.nudges.feet_after_s, 40);
  EXPECT_DOUBLE_EQ(a.nudges.posture_after_s, 50);
  EXPECT_DOUBLE_EQ(a.nudges.cooldown_s, 5 * 60);
  EXPECT_DOUBLE_EQ(a.nudges.min_gap_s, 20);
}

TEST(Config, IntegersAcceptedWhereDecimalsExpected) {
  const Config c = parse_config("[signal]\nsmoothing_s = 1\n", "c.toml");
  EXPECT_DOUBLE_EQ(c.analysis.smoothing_s, 1);
}

TEST(Config, UnknownKeyReportedWithLine) {
  const auto p = problems_of("[posture]\ndwell_s = 3\nlaterall = 0.2\n");
  ASSERT_EQ(p.size(), 1u) << joined(p);
  EXPECT_EQ(p[0], "cfg.toml:3: posture.laterall: unknown key");
}

TEST(Config, UnknownSectionReportedWithLine) {
  const auto p = problems_of("[signal]\nsmoothing_s = 0.4\n\n[postures]\ndwell_s = 3\n");
  ASSERT_EQ(p.size(), 1u) << joined(p);
  EXPECT_TRUE(has_problem(p, "cfg.toml:4: postures: unknown key")) << joined(p);
}

TEST(Config, UnknownTopLevelKey) {
  const auto p = problems_of("verbose = true\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:1: verbose: unknown key")) << joined(p);
}

TEST(Config, OutOfRangeNamesKeyAndLine) {
  const auto p = problems_of("[signal]\n\nsmoothing_s = 100\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(has_problem(p, "cfg.toml:3: signal.smoothing_s: must be between 0 and 60, not 100")) << joined(p);
}

TEST(Config, WrongTypeNamesKeyAndLine) {
  const auto p = problems_of("[occupancy]\non_kg = \"heavy\"\n[nudges]\nenabled = \"yes\"\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:2: occupancy.on_kg: expected a number")) << joined(p);
  EXPECT_TRUE(has_problem(p, "cfg.toml:4: nudges.enabled: expected true or false")) << joined(p);
}

// Regression: toml++ converts an integer to bool, so `enabled = 0` used to be taken silently.
TEST(Config, IntegerIsNotABoolean) {
  const auto p = problems_of("[nudges]\nenabled = 0\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:2: nudges.enabled: expected true or false")) << joined(p);
}

TEST(Config, SectionThatIsNotATable) {
  const auto p = problems_of("posture = 3\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:1: posture: expected a table")) << joined(p);
}

TEST(Config, SeveralProblemsAllReportedInOneError) {
  const std::string text = "[signal]\nsmoothing_s = -1\n[posture]\nfoo = 1\nlateral = 5\n[bogus]\n";
  try {
    parse_config(text, "cfg.toml");
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.problems().size(), 4u) << e.what();
    const std::string what = e.what();
    EXPECT_NE(what.find("cfg.toml:2: signal.smoothing_s"), std::string::npos) << what;
    EXPECT_NE(what.find("cfg.toml:4: posture.foo: unknown key"), std::string::npos) << what;
    EXPECT_NE(what.find("cfg.toml:5: posture.lateral"), std::string::npos) << what;
    EXPECT_NE(what.find("cfg.toml:6: bogus: unknown key"), std::string::npos) << what;
  }
}

TEST(Config, TomlSyntaxErrorNamesLine) {
  const auto p = problems_of("[signal]\nsmoothing_s = = 1\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].rfind("cfg.toml:2: ", 0), 0u) << p[0];
}

TEST(Config, OffMustBeBelowOn) {
  const auto p = problems_of("[occupancy]\non_kg = 10\noff_kg = 10\n");
  EXPECT_TRUE(has_problem(p, "off_kg must be below on_kg")) << joined(p);
}

TEST(Config, ChannelListWithRoles) {
  const Config c = parse_config(R"(
[[channel]]
name = "s1"
role = "seat"
x = -0.5
y = 0.5
offset = 1200
scale = 0.002
[[channel]]
name = "s2"
role = "seat"
x = 0.5
[[channel]]
name = "back_mid"
role = "back"
empty = 100
full = 9000
[[channel]]
name = "toe"
role = "foot"
)",
                                "ch.toml");
  ASSERT_EQ(c.layout.size(), 4u);
  const auto& s1 = c.layout.channels[0];
  EXPECT_EQ(s1.name, "s1");
  EXPECT_EQ(s1.role, Role::seat);
  EXPECT_DOUBLE_EQ(s1.x, -0.5);
  EXPECT_DOUBLE_EQ(s1.y, 0.5);
  EXPECT_DOUBLE_EQ(s1.offset, 1200);
  EXPECT_DOUBLE_EQ(s1.scale, 0.002);
  EXPECT_DOUBLE_EQ(s1.raw_max, kHx711Max);
  EXPECT_DOUBLE_EQ(c.layout.channels[1].scale, 1.0 / 21000.0);  // the role's default
  EXPECT_EQ(c.layout.channels[2].role, Role::back);
  EXPECT_DOUBLE_EQ(c.layout.channels[2].empty, 100);
  EXPECT_DOUBLE_EQ(c.layout.channels[2].full, 9000);
  EXPECT_DOUBLE_EQ(c.layout.channels[2].raw_max, kAds1115Max);
  EXPECT_EQ(c.layout.channels[3].role, Role::foot);
  EXPECT_EQ(c.layout.find("toe"), 3u);
}

TEST(Config, DuplicateChannelName) {
  const auto p = problems_of(
      "[[channel]]\nname = \"a\"\nrole = \"seat\"\n[[channel]]\nname = \"a\"\nrole = \"back\"\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:5: channel[1].name: 'a' is declared twice")) << joined(p);
}

TEST(Config, BadRole) {
  const auto p = problems_of("[[channel]]\nname = \"a\"\nrole = \"seat\"\n[[channel]]\nname = \"b\"\nrole = \"arm\"\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:6: channel[1].role: must be \"seat\", \"back\" or \"foot\"")) << joined(p);
}

TEST(Config, ReservedChannelNames) {
  const auto p = problems_of("[[channel]]\nname = \"t\"\nrole = \"seat\"\n[[channel]]\nname = \"a,b\"\nrole = \"seat\"\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:2: channel[0].name: 't' cannot be a channel name")) << joined(p);
  EXPECT_TRUE(has_problem(p, "cfg.toml:5: channel[1].name: 'a,b' cannot be a channel name")) << joined(p);
}

TEST(Config, NoSeatChannel) {
  const auto p = problems_of("[[channel]]\nname = \"b\"\nrole = \"back\"\n");
  EXPECT_TRUE(has_problem(p, "at least one channel must have role \"seat\"")) << joined(p);
}

TEST(Config, PadEmptyAndFullMustDiffer) {
  const auto p = problems_of(
      "[[channel]]\nname = \"s\"\nrole = \"seat\"\n[[channel]]\nname = \"b\"\nrole = \"back\"\nempty = 5\nfull = 5\n");
  EXPECT_TRUE(has_problem(p, "channel[1]: empty and full must differ")) << joined(p);
}

TEST(Config, UnknownChannelKey) {
  const auto p = problems_of("[[channel]]\nname = \"s\"\nrole = \"seat\"\ngain = 128\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:4: channel[0].gain: unknown key")) << joined(p);
}

TEST(Config, EvalLabels) {
  const Config c = parse_config(
      "[eval.labels]\nsitting = \"upright\"\nnobody = \"empty\"\ntransition = \"ignore\"\nbad = \"not_upright\"\n", "e.toml");
  EXPECT_EQ(c.eval_labels.at("sitting"), "upright");
  EXPECT_EQ(c.eval_labels.at("nobody"), "empty");
  EXPECT_EQ(c.eval_labels.at("transition"), "ignore");
  EXPECT_EQ(c.eval_labels.at("bad"), "not_upright");
}

TEST(Config, EvalLabelWithUnknownMeaning) {
  const auto p = problems_of("[eval.labels]\nsitting = \"standing\"\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:2: eval.labels.sitting: must be a posture name")) << joined(p);
}

TEST(Config, BreaksInMinutesBecomeSeconds) {
  const Config c = parse_config("[breaks]\ninterval_min = 30\nrepeat_min = 10\nmin_break_min = 0.5\nlong_sit_min = 90\n",
                                "b.toml");
  EXPECT_DOUBLE_EQ(c.analysis.breaks.interval_s, 1800);
  EXPECT_DOUBLE_EQ(c.analysis.breaks.repeat_s, 600);
  EXPECT_DOUBLE_EQ(c.analysis.breaks.min_break_s, 30);
  EXPECT_DOUBLE_EQ(c.analysis.breaks.long_sit_s, 5400);
}

TEST(Config, BreakIntervalRangeIsInMinutes) {
  const auto p = problems_of("[breaks]\ninterval_min = 600\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:2: breaks.interval_min: must be between 1 and 480, not 600")) << joined(p);
}

TEST(Config, BreakMovements) {
  const Config c = parse_config(R"([breaks]
interval_min = 45
[[breaks.movement]]
when = "slouching"
name = "wall angels"
how = "Stand against a wall."
[[breaks.movement]]
when = "any"
name = "walk"
)",
                                "m.toml");
  const auto& m = c.analysis.breaks.movements;
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].when, "slouching");
  EXPECT_EQ(m[0].name, "wall angels");
  EXPECT_EQ(m[0].how, "Stand against a wall.");
  EXPECT_EQ(m[1].when, "any");
  EXPECT_EQ(m[1].how, "");
}

TEST(Config, BreakMovementProblems) {
  const auto p = problems_of("[[breaks.movement]]\nwhen = \"sometimes\"\nname = \"x\"\n[[breaks.movement]]\nwhen = \"any\"\n");
  EXPECT_TRUE(has_problem(p, "breaks.movement[0].when: must be one of")) << joined(p);
  EXPECT_TRUE(has_problem(p, "breaks.movement[1].name: needs a name")) << joined(p);
}

TEST(Config, LoadConfigFromFile) {
  testing_support::TempDir dir;
  const auto path = dir.write("chair.toml", "[occupancy]\non_kg = 25\n");
  const Config c = load_config(path);
  EXPECT_EQ(c.path, path);
  EXPECT_DOUBLE_EQ(c.analysis.occupancy.on_kg, 25);
}

TEST(Config, LoadConfigErrorsNameTheFile) {
  testing_support::TempDir dir;
  const auto path = dir.write("chair.toml", "[occupancy]\n\non_kg = 9999\n");
  try {
    load_config(path);
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":3: occupancy.on_kg"), std::string::npos) << e.what();
  }
}

TEST(Config, MissingFile) {
  testing_support::TempDir dir;
  const auto path = dir.path("nope.toml");
  try {
    load_config(path);
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace chairhub
