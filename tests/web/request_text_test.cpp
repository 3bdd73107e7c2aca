#include "web/request_text.hpp"

#include <gtest/gtest.h>

namespace chairhub::web {
namespace {

TEST(RequestTextTest, CookiesByName) {
  EXPECT_EQ(cookie_value("a=1; chairhub_session=abc; b=2", "chairhub_session"), "abc");
  EXPECT_EQ(cookie_value("chairhub_session=abc", "chairhub_session"), "abc");
  EXPECT_FALSE(cookie_value("xchairhub_session=abc", "chairhub_session"));
  EXPECT_FALSE(cookie_value("", "chairhub_session"));
}

TEST(RequestTextTest, QueryAndFormValuesDecoded) {
  EXPECT_EQ(query_value("day=2026-12-01&x=1", "day"), "2026-12-01");
  EXPECT_EQ(form_value("password=correct+horse%21", "password"), "correct horse!");
  EXPECT_EQ(query_value("week", "week"), "");
  EXPECT_FALSE(query_value("day=1", "week"));
  EXPECT_FALSE(form_value("password=%4", "password")) << "a cut-off escape";
  EXPECT_FALSE(form_value("password=%zz", "password"));
}

TEST(RequestTextTest, JsonBodies) {
  EXPECT_TRUE(parse_json_body("").error.empty());
  EXPECT_EQ(parse_json_body("[1]").error, "the body is not a JSON object");
  EXPECT_EQ(parse_json_body("{\"kg\": ").error, "the body is not a JSON object");
  const JsonBody b = parse_json_body(R"({"kg": 10, "colour": "red"})");
  EXPECT_EQ(b.number("kg", 1, 200), 10);
  EXPECT_FALSE(b.number("kg", 20, 200));
  EXPECT_FALSE(b.number("colour", 0, 1));
  EXPECT_EQ(b.check_keys({"kg"}), "unknown key: colour (this takes: kg)");
  EXPECT_EQ(parse_json_body(R"({"a": 1})").check_keys({}), "unknown key: a (this takes none)");
}

}  // namespace
}  // namespace chairhub::web
