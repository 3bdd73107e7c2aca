// The calibration file: reading it through the config's [calibration] section, whose values
// override the [[channel]] ones, and writing it.
#include "calibration/file.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "config/config.hpp"
#include "support/config_problems.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

using testing_support::has_problem;
using testing_support::joined;
using testing_support::problems_of;

const char* kSeatAndPad = R"([[channel]]
name = "seat_a"
role = "seat"
scale = 0.001
[[channel]]
name = "pad_a"
role = "back"
empty = 100
full = 200
[calibration]
file = "cal.toml"
)";

TEST(ConfigCalibration, FileOverridesTheChannels) {
  testing_support::TempDir dir;
  dir.write("cal.toml", "# measured\n[seat_a]\noffset = 8000\nscale = 5e-5\n[pad_a]\nempty = 900\nfull = 21000\n");
  const Config c = load_config(dir.write("chair.toml", kSeatAndPad));
  EXPECT_EQ(c.calibration_file, dir.path("cal.toml"));
  EXPECT_DOUBLE_EQ(c.layout.channels[0].offset, 8000);
  EXPECT_DOUBLE_EQ(c.layout.channels[0].scale, 5e-5);
  EXPECT_DOUBLE_EQ(c.layout.channels[1].empty, 900);
  EXPECT_DOUBLE_EQ(c.layout.channels[1].full, 21000);
}

TEST(ConfigCalibration, PartialFileKeepsTheRest) {
  testing_support::TempDir dir;
  dir.write("cal.toml", "[seat_a]\noffset = -12\n");
  const Config c = load_config(dir.write("chair.toml", kSeatAndPad));
  EXPECT_DOUBLE_EQ(c.layout.channels[0].offset, -12);
  EXPECT_DOUBLE_EQ(c.layout.channels[0].scale, 0.001);
  EXPECT_DOUBLE_EQ(c.layout.channels[1].empty, 100);
}

TEST(ConfigCalibration, AbsolutePathAndStandardLayout) {
  testing_support::TempDir dir;
  const auto cal = dir.write("elsewhere.toml", "[seat_br]\nscale = 2e-5\n");
  const Config c = parse_config("[calibration]\nfile = \"" + cal + "\"\n", "cfg.toml");
  EXPECT_EQ(c.calibration_file, cal);
  EXPECT_DOUBLE_EQ(c.layout.channels[*c.layout.find("seat_br")].scale, 2e-5);
}

TEST(ConfigCalibration, ProblemsNameTheCalibrationFileAndLine) {
  testing_support::TempDir dir;
  dir.write("cal.toml",
            "[seat_a]\noffset = 1\n\n[seat_x]\noffset = 2\n[pad_a]\nscale = 3\nfull = \"high\"\n[seat_a.extra]\n");
  try {
    load_config(dir.write("chair.toml", kSeatAndPad));
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    const auto& p = e.problems();
    const std::string cal = dir.path("cal.toml");
    EXPECT_TRUE(has_problem(p, cal + ":4: seat_x: not a channel of the config (seat_a, pad_a)")) << joined(p);
    EXPECT_TRUE(has_problem(p, cal + ":7: pad_a.scale: a back pad has empty and full")) << joined(p);
    EXPECT_TRUE(has_problem(p, cal + ":8: pad_a.full: expected a number")) << joined(p);
    EXPECT_TRUE(has_problem(p, cal + ":9: seat_a.extra: unknown key")) << joined(p);
  }
}

TEST(ConfigCalibration, BadValues) {
  testing_support::TempDir dir;
  dir.write("cal.toml", "[seat_a]\nscale = 0\n[pad_a]\nempty = 5\nfull = 5\n");
  try {
    load_config(dir.write("chair.toml", kSeatAndPad));
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_TRUE(has_problem(e.problems(), ":2: seat_a.scale: must not be 0")) << e.what();
    EXPECT_TRUE(has_problem(e.problems(), ":3: pad_a: empty and full must differ")) << e.what();
  }
}

TEST(ConfigCalibration, MissingFileIsAProblemAtTheConfigLine) {
  testing_support::TempDir dir;
  const auto path = dir.write("chair.toml", kSeatAndPad);
  try {
    load_config(path);
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_TRUE(has_problem(e.problems(), path + ":11: calibration.file: cannot open")) << e.what();
    EXPECT_TRUE(has_problem(e.problems(), "chairhub calibrate")) << e.what();
  }
  // `chairhub calibrate` loads the config before the file exists.
  const Config c = load_config(path, false);
  EXPECT_EQ(c.calibration_file, dir.path("cal.toml"));
}

TEST(ConfigCalibration, SectionProblems) {
  auto p = problems_of("[calibration]\nfile = \"\"\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:2: calibration.file: must not be empty")) << joined(p);
  p = problems_of("[calibration]\nfile = 3\npath = \"x\"\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:2: calibration.file: expected a string")) << joined(p);
  EXPECT_TRUE(has_problem(p, "cfg.toml:3: calibration.path: unknown key")) << joined(p);
  p = problems_of("calibration = \"cal.toml\"\n");
  EXPECT_TRUE(has_problem(p, "cfg.toml:1: calibration: expected a table")) << joined(p);
}

TEST(ConfigCalibration, SyntaxErrorInTheFile) {
  testing_support::TempDir dir;
  dir.write("cal.toml", "[seat_a]\noffset = = 1\n");
  try {
    load_config(dir.write("chair.toml", kSeatAndPad));
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_TRUE(has_problem(e.problems(), dir.path("cal.toml") + ":2:")) << e.what();
  }
}

TEST(CalibrationFile, WritesAtomicallyAndReadsBack) {
  testing_support::TempDir dir;
  const ChannelLayout layout = ChannelLayout::standard();
  Calibration cal;
  cal["seat_fr"].offset = 8123.25;
  cal["seat_fr"].scale = 4.8123456789e-05;
  cal["foot_l"].empty = 700;
  cal["foot_l"].full = 20000;
  const std::string path = dir.path("cal.toml");
  dir.write("cal.toml", "old");
  write_calibration_file(path, format_calibration(cal, layout, {"written by a test"}));
  const Calibration back = load_calibration(path, layout);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_DOUBLE_EQ(*back.at("seat_fr").offset, 8123.25);
  EXPECT_NEAR(*back.at("seat_fr").scale, 4.8123456789e-05, 1e-15);
  EXPECT_FALSE(back.at("seat_fr").empty);
  EXPECT_DOUBLE_EQ(*back.at("foot_l").full, 20000);
  // No temporary file is left beside it.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path(""))) ++files;
  EXPECT_EQ(files, 1u);
}

TEST(CalibrationFile, UnwritableDirectoryIsAnError) {
  EXPECT_THROW(write_calibration_file("/nonexistent-dir/cal.toml", "x"), InputError);
}

}  // namespace
}  // namespace chairhub
