#include "service/sitter_postures.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "config/posture_model_file.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

PostureModel two_postures() {
  PostureModel m;
  m.features = {PostureFeature::cop_x, PostureFeature::cop_y};
  m.covariance = {{0.0004, 0}, {0, 0.0004}};
  m.classes = {{"upright", Posture::upright, 30, {0, 0}}, {"leaning_left", Posture::leaning_left, 30, {-0.3, 0}}};
  return m;
}

TEST(SitterPostures, ReadWhenThereDroppedWhenGoneKeptWhenBroken) {
  testing_support::TempDir dir;
  const Journal journal;
  auto model = load_sitter_postures(dir.path(""), std::nullopt, journal);
  EXPECT_FALSE(model);  // no file: the rules

  write_posture_model(dir.path("postures.toml"), two_postures(), {});
  model = load_sitter_postures(dir.path(""), model, journal);
  ASSERT_TRUE(model);
  EXPECT_EQ(model->classes.size(), 2u);
  EXPECT_TRUE(model->prepared());

  dir.write("postures.toml", "version = 1\nfeatures = [\"tilt\"]\n");
  model = load_sitter_postures(dir.path(""), model, journal);
  ASSERT_TRUE(model);  // a broken file keeps the model read before
  EXPECT_EQ(model->classes.size(), 2u);
  EXPECT_FALSE(load_sitter_postures(dir.path(""), std::nullopt, journal));  // ...or the rules

  std::filesystem::remove(dir.path("postures.toml"));
  EXPECT_FALSE(load_sitter_postures(dir.path(""), model, journal));
}

}  // namespace
}  // namespace chairhub
