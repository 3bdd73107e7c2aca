#include "service/sitter_postures.hpp"

#include <gtest/gtest.h>

#include "config/config.hpp"
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

TEST(SitterPostures, ReadAtStartDroppedWhenGoneKeptWhenBroken) {
  testing_support::TempDir dir;
  const Config config;
  Analyzer analyzer(config.analysis, config.layout, Units::calibrated);
  const Journal journal;
  load_sitter_postures(dir.path(""), analyzer, journal);
  EXPECT_FALSE(analyzer.posture_model());  // no file: the rules

  write_posture_model(dir.path("postures.toml"), two_postures(), {});
  load_sitter_postures(dir.path(""), analyzer, journal);
  ASSERT_TRUE(analyzer.posture_model());
  EXPECT_EQ(analyzer.posture_model()->classes.size(), 2u);
  EXPECT_TRUE(analyzer.has_own_baseline());  // the model's, until one of the sitter's own

  dir.write("postures.toml", "version = 1\nfeatures = [\"tilt\"]\n");
  load_sitter_postures(dir.path(""), analyzer, journal);
  EXPECT_TRUE(analyzer.posture_model());  // a broken file keeps the model read before

  std::filesystem::remove(dir.path("postures.toml"));
  load_sitter_postures(dir.path(""), analyzer, journal);
  EXPECT_FALSE(analyzer.posture_model());
}

}  // namespace
}  // namespace chairhub
