#include "config/posture_model_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/input_error.hpp"
#include "support/config_problems.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

using testing_support::has_problem;
using testing_support::joined;

PostureModel small_model() {
  PostureModel m;
  m.features = {PostureFeature::cop_x, PostureFeature::lumbar};
  m.covariance = {{0.0004, 0.0001}, {0.0001, 0.0009}};
  m.classes = {{"upright", Posture::upright, 40, {0, 0}},
               {"wrong \"3\"", Posture::other, 35, {0.1, -0.4}}};
  m.baseline.cop_x = 0.05;
  m.baseline.lumbar = 0.6;
  m.baseline.seat_kg = 61.5;
  m.reject = 3.5;
  std::string why;
  EXPECT_TRUE(m.prepare(why)) << why;
  return m;
}

std::vector<std::string> model_problems(const std::string& text) {
  std::vector<std::string> problems;
  parse_posture_model(text, "postures.toml", problems);
  EXPECT_FALSE(problems.empty()) << "no problem in:\n" << text;
  return problems;
}

TEST(PostureModelFile, RoundTrips) {
  const PostureModel m = small_model();
  const std::string text = format_posture_model(m, {"a comment"});
  EXPECT_EQ(text.rfind("# a comment\nversion = 1\n", 0), 0u) << text;
  std::vector<std::string> problems;
  const PostureModel back = parse_posture_model(text, "postures.toml", problems);
  ASSERT_TRUE(problems.empty()) << joined(problems);
  EXPECT_EQ(back.features, m.features);
  ASSERT_EQ(back.classes.size(), 2u);
  EXPECT_EQ(back.classes[1].label, "wrong \"3\"");
  EXPECT_EQ(back.classes[1].posture, Posture::other);
  EXPECT_EQ(back.classes[1].rows, 35u);
  EXPECT_EQ(back.classes[1].mean, m.classes[1].mean);
  EXPECT_EQ(back.covariance, m.covariance);
  EXPECT_DOUBLE_EQ(back.reject, 3.5);
  EXPECT_DOUBLE_EQ(back.baseline.cop_x, 0.05);
  EXPECT_EQ(back.baseline.seat_kg, 61.5);
  EXPECT_FALSE(back.baseline.feet);
  EXPECT_TRUE(back.prepared());
  EXPECT_EQ(format_posture_model(back, {"a comment"}), text);
}

TEST(PostureModelFile, ReportsEveryProblemWithItsLine) {
  const auto p = model_problems(
      "version = 1\n"
      "features = [\"cop_x\", \"tilt\"]\n"
      "colour = 3\n"
      "[baseline]\n"
      "cop_x = 5\n");
  EXPECT_TRUE(has_problem(p, "postures.toml:2: features: expected cop_x, cop_y")) << joined(p);
  EXPECT_TRUE(has_problem(p, "postures.toml:3: colour: unknown key")) << joined(p);
  EXPECT_TRUE(has_problem(p, "baseline.cop_x")) << joined(p);
}

TEST(PostureModelFile, SizesMustAgree) {
  std::string text = format_posture_model(small_model(), {});
  text.replace(text.find("mean = [0, 0]"), 13, "mean = [0]");
  EXPECT_TRUE(has_problem(model_problems(text), "mean: expected 2 numbers (one a feature), got 1"));
}

TEST(PostureModelFile, RefusesACovarianceThatCannotBeInverted) {
  std::string text = format_posture_model(small_model(), {});
  text.replace(text.find("[0.0004, 0.0001]"), 16, "[-0.0004, 0.0001]");
  EXPECT_TRUE(has_problem(model_problems(text), "the covariance is not positive definite"));
}

TEST(PostureModelFile, NeedsAnUprightPosture) {
  std::string text = format_posture_model(small_model(), {});
  text.replace(text.find("posture = \"upright\""), 19, "posture = \"slouching\"");
  EXPECT_TRUE(has_problem(model_problems(text), "no posture is upright"));
}

TEST(PostureModelFile, OtherVersionsAreRefused) {
  std::string text = format_posture_model(small_model(), {});
  text.replace(text.find("version = 1"), 11, "version = 2");
  EXPECT_TRUE(has_problem(model_problems(text), "version 1 files"));
}

TEST(PostureModelFile, NotTomlIsOneProblem) {
  EXPECT_TRUE(has_problem(model_problems("features = [\n"), "postures.toml:"));
  EXPECT_TRUE(has_problem(model_problems(""), "features: missing"));
}

TEST(PostureModelFile, WritesAtomicallyAndLoads) {
  testing_support::TempDir dir;
  const auto path = dir.path("postures.toml");
  write_posture_model(path, small_model(), {"test"});
  EXPECT_EQ(load_posture_model(path).classes.size(), 2u);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  try {
    load_posture_model(dir.path("missing.toml"));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("missing.toml: cannot read the posture model"), std::string::npos) << e.what();
  }
  EXPECT_THROW(write_posture_model(dir.path("no/such/folder/p.toml"), small_model(), {}), InputError);
}

}  // namespace
}  // namespace chairhub
