#include "service/chair_guide.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace chairhub {
namespace {

// A chair whose cells read offset + kg / scale, each carrying its bilinear share of a load at
// (x, y); pads read 1000 untouched and 21000 pressed.
class ModelChair {
 public:
  explicit ModelChair(const ChannelLayout& layout) : layout_(layout) {}
  Sample sample(double t, const HeldLoad& load) const {
    Sample s{t, {}};
    for (std::size_t i = 0; i < layout_.channels.size(); ++i) {
      const Channel& ch = layout_.channels[i];
      if (ch.role == Role::seat) {
        const double share = (1 + load.x * ch.x) / 2 * (1 + load.y * ch.y) / 2;
        s.values.push_back(kOffset + i * 100 + share * load.kg / kScale);
      } else {
        s.values.push_back(load.pressed.contains(ch.name) ? 21000 : 1000);
      }
    }
    return s;
  }
  static constexpr double kOffset = 8000, kScale = 5e-5;

 private:
  const ChannelLayout& layout_;
};

class ChairGuideTest : public ::testing::Test {
 protected:
  // Feeds `seconds` of samples at 10 Hz with what the guide asks held (or `other`).
  void feed(double seconds, std::optional<HeldLoad> other = std::nullopt) {
    for (double end = t_ + seconds; t_ < end; t_ += 0.1) {
      const HeldLoad load = other ? *other : guide_.held_load().value_or(HeldLoad{});
      guide_.feed(model_.sample(t_, load));
    }
  }
  ChannelLayout layout_ = ChannelLayout::standard();
  ModelChair model_{layout_};
  ChairGuide guide_;
  double t_ = 100;
};

TEST_F(ChairGuideTest, WalksEveryStepToACalibration) {
  ASSERT_TRUE(guide_.start(layout_, {}, "chair.toml", Units::raw, 10).ok);
  const int steps = guide_.view("").steps;
  EXPECT_EQ(steps, 1 + 5 + 4) << "the empty chair, the weight in five places, four pads";
  for (int step = 1; step <= steps; ++step) {
    const web::GuideView v = guide_.view("seen");
    ASSERT_TRUE(v.running) << (v.finished ? v.finished->message : "");
    EXPECT_EQ(v.step, step);
    EXPECT_FALSE(v.instruction.empty());
    EXPECT_NE(v.instruction.front(), '\n');
    EXPECT_FALSE(guide_.held_load()) << "nothing is held before the person says it is done";
    EXPECT_EQ(v.progress, 0) << "the bar starts empty at each step";
    ASSERT_TRUE(guide_.ready().ok);
    EXPECT_FALSE(guide_.ready().ok) << "measuring already";
    feed(ChairGuide::kSettleS + ChairGuide::kMeasureS + 0.3);
  }
  const web::GuideView done = guide_.view("");
  EXPECT_FALSE(done.running);
  ASSERT_TRUE(done.finished);
  EXPECT_TRUE(done.finished->ok) << done.finished->message;
  const auto result = guide_.take_result();
  ASSERT_TRUE(result);
  EXPECT_FALSE(guide_.take_result()) << "taken once";
  const auto& fl = result->calibration.at("seat_fl");
  EXPECT_NEAR(*fl.offset, ModelChair::kOffset, 1);
  EXPECT_NEAR(*fl.scale, ModelChair::kScale, ModelChair::kScale * 1e-3);
  EXPECT_NEAR(*result->calibration.at("lumbar_r").full, 21000, 1);
  EXPECT_NEAR(*result->calibration.at("foot_l").empty, 1000, 1);
}

TEST_F(ChairGuideTest, ASensorWithoutReadingsStopsItWithoutAResult) {
  ASSERT_TRUE(guide_.start(layout_, {}, "chair.toml", Units::raw, 10).ok);
  guide_.ready();
  for (int i = 0; i < 40; ++i, t_ += 0.1) {
    Sample s = model_.sample(t_, {});
    s.values[1] = NAN;
    guide_.feed(s);
  }
  const web::GuideView v = guide_.view("");
  ASSERT_TRUE(v.finished);
  EXPECT_FALSE(v.finished->ok);
  EXPECT_NE(v.finished->message.find("no reading"), std::string::npos) << v.finished->message;
  EXPECT_FALSE(guide_.take_result());
}

TEST_F(ChairGuideTest, PlacementsThatDisagreeAreRefused) {
  ASSERT_TRUE(guide_.start(layout_, {}, "chair.toml", Units::raw, 10).ok);
  guide_.ready();
  feed(3);
  for (int step = 0; step < 5; ++step) {  // the weight always at the centre, wherever asked
    guide_.ready();
    feed(3, HeldLoad{step == 2 ? 25.0 : 10.0, 0, 0, {}});
  }
  const web::GuideView v = guide_.view("");
  ASSERT_TRUE(v.finished);
  EXPECT_FALSE(v.finished->ok);
  EXPECT_NE(v.finished->message.find("nothing was changed"), std::string::npos) << v.finished->message;
}

TEST_F(ChairGuideTest, RefusedWhereItCannotWork) {
  EXPECT_FALSE(guide_.ready().ok);
  const auto kg = guide_.start(layout_, {}, "chair.toml", Units::calibrated, 10);
  EXPECT_FALSE(kg.ok);
  EXPECT_NE(kg.message.find("raw readings"), std::string::npos);
  const auto unwired = guide_.start(layout_, {"seat_br"}, "chair.toml", Units::raw, 10);
  EXPECT_FALSE(unwired.ok);
  EXPECT_NE(unwired.message.find("seat_br"), std::string::npos) << unwired.message;
  EXPECT_FALSE(guide_.running());
}

TEST_F(ChairGuideTest, ACancelLeavesNothing) {
  ASSERT_TRUE(guide_.start(layout_, {}, "chair.toml", Units::raw, 10).ok);
  guide_.ready();
  guide_.cancel();
  feed(3);
  EXPECT_FALSE(guide_.running());
  EXPECT_FALSE(guide_.view("").finished);
  EXPECT_FALSE(guide_.take_result());
}

}  // namespace
}  // namespace chairhub
