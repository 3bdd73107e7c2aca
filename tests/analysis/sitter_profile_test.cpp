// Sitter profiles' names, and picking one by the seated weight only when it is plain whose.
#include "analysis/sitter_profile.hpp"

#include <gtest/gtest.h>

namespace chairhub {
namespace {

TEST(SitterProfile, NamesAreShortPlainWords) {
  for (const char* good : {"anna", "bob-2", "a", "x_y", "0day", "abcdefghijklmnopqrstuvwx"})
    EXPECT_EQ(profile_name_problem(good), "") << good;
  EXPECT_NE(profile_name_problem("").find("empty"), std::string::npos);
  EXPECT_NE(profile_name_problem("abcdefghijklmnopqrstuvwxy").find("at most 24"), std::string::npos);
  for (const char* bad : {"Anna", "a b", "../x", "a/b", "é", "a.toml", "selected!"})
    EXPECT_NE(profile_name_problem(bad), "") << bad;
  EXPECT_NE(profile_name_problem("-x").find("starts with"), std::string::npos);
  EXPECT_NE(profile_name_problem("_x").find("starts with"), std::string::npos);
}

TEST(SitterProfile, PickedByWeightOnlyWhenPlain) {
  const std::vector<ProfileWeight> two = {{"anna", 58}, {"bob", 82}};
  EXPECT_EQ(profile_by_weight(two, 60, 4), "anna");
  EXPECT_EQ(profile_by_weight(two, 79, 4), "bob");
  EXPECT_EQ(profile_by_weight(two, 70, 4), std::nullopt);   // nobody's
  EXPECT_EQ(profile_by_weight(two, 63, 4), std::nullopt);   // near anna, but not within the tolerance
  const std::vector<ProfileWeight> close = {{"anna", 60}, {"carla", 66}};
  EXPECT_EQ(profile_by_weight(close, 60, 4), std::nullopt);  // carla within twice the tolerance
  EXPECT_EQ(profile_by_weight(close, 63, 4), std::nullopt);  // either
  EXPECT_EQ(profile_by_weight({{"anna", 60}}, 61, 4), "anna");
  EXPECT_EQ(profile_by_weight({}, 61, 4), std::nullopt);
}

TEST(SitterProfile, TheWeightIsTheMeanOfASittingsFirstSeconds) {
  SeatedWeight weight;
  ChairState s;
  s.t = 0;
  EXPECT_FALSE(weight.update(s, 5));  // nobody
  s.occupied = true;
  std::optional<double> said;
  for (int i = 0; i <= 60; ++i) {
    s.t = 10 + i * 0.1;
    s.seat_kg = i % 2 ? 61 : 59;
    if (auto kg = weight.update(s, 5)) {
      EXPECT_FALSE(said);
      said = kg;
      EXPECT_NEAR(s.t, 15, 0.01);
    }
  }
  ASSERT_TRUE(said);
  EXPECT_NEAR(*said, 60, 0.1);
  s.occupied = false;
  EXPECT_FALSE(weight.update(s, 5));
  s.occupied = true;  // a new sitting: said again after its own first seconds
  said.reset();
  for (int i = 0; i <= 55; ++i) {
    s.t = 100 + i * 0.1;
    s.seat_kg = 80;
    if (auto kg = weight.update(s, 5)) said = kg;
  }
  ASSERT_TRUE(said);
  EXPECT_DOUBLE_EQ(*said, 80);
}

}  // namespace
}  // namespace chairhub
