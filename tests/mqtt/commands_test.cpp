// Command parsing and validation: every bad input is an error message, never an exception.
#include <gtest/gtest.h>

#include "mqtt/commands.hpp"

namespace chairhub::mqtt {
namespace {

TEST(Commands, ValidSetCommands) {
  auto tare = parse_set_payload(R"({"command":"tare"})");
  ASSERT_TRUE(tare.command) << tare.error;
  EXPECT_TRUE(std::holds_alternative<TareCommand>(*tare.command));

  auto snooze = parse_set_payload(R"({"command":"snooze","minutes":30,"id":"x1"})");
  ASSERT_TRUE(snooze.command) << snooze.error;
  EXPECT_EQ(std::get<SnoozeCommand>(*snooze.command).minutes, 30);
  EXPECT_EQ(snooze.id, "x1");

  auto nudges = parse_set_payload(R"({"command":"nudges","on":false})");
  ASSERT_TRUE(nudges.command);
  EXPECT_FALSE(std::get<NudgesCommand>(*nudges.command).on);

  auto baseline = parse_set_payload(R"({"command":"baseline"})");
  ASSERT_TRUE(baseline.command);
  EXPECT_FALSE(std::get<BaselineCommand>(*baseline.command).seconds);
  auto baseline10 = parse_set_payload(R"({"command":"baseline","seconds":10})");
  EXPECT_DOUBLE_EQ(*std::get<BaselineCommand>(*baseline10.command).seconds, 10);

  auto reset = parse_set_payload(R"({"command":"reset_session"})");
  ASSERT_TRUE(reset.command);
  EXPECT_EQ(command_name(*reset.command), "reset_session");
}

TEST(Commands, RequestsTakeTheOpFromTheTopic) {
  auto r = parse_request("snooze", R"({"minutes":5,"id":7})");
  ASSERT_TRUE(r.command) << r.error;
  EXPECT_EQ(std::get<SnoozeCommand>(*r.command).minutes, 5);
  EXPECT_EQ(r.id, 7);
  EXPECT_TRUE(parse_request("tare", "").command);
  EXPECT_TRUE(parse_request("tare", "{}").command);
  EXPECT_FALSE(parse_request("tare", R"({"command":"snooze"})").command);
}

TEST(Commands, CalibratePosturesStartsOrCancels) {
  auto start = parse_request("calibrate_postures", R"({"hold_s":5,"id":"p1"})");
  ASSERT_TRUE(start.command) << start.error;
  const auto& c = std::get<CalibratePosturesCommand>(*start.command);
  EXPECT_DOUBLE_EQ(*c.hold_s, 5);
  EXPECT_FALSE(c.cancel);
  EXPECT_EQ(c.id, "p1");  // kept for the progress messages
  auto plain = parse_request("calibrate_postures", "");
  ASSERT_TRUE(plain.command);
  EXPECT_FALSE(std::get<CalibratePosturesCommand>(*plain.command).hold_s);
  auto cancel = parse_set_payload(R"({"command":"calibrate_postures","cancel":true})");
  ASSERT_TRUE(cancel.command);
  EXPECT_TRUE(std::get<CalibratePosturesCommand>(*cancel.command).cancel);
  EXPECT_EQ(command_name(*cancel.command), "calibrate_postures");
}

TEST(Commands, ProfileNamesAreCheckedWhereTheyArrive) {
  auto select = parse_request("profile", R"({"name":"anna"})");
  ASSERT_TRUE(select.command) << select.error;
  EXPECT_EQ(std::get<ProfileCommand>(*select.command).name, "anna");
  auto calibrate = parse_request("calibrate_postures", R"({"profile":"bob-2"})");
  ASSERT_TRUE(calibrate.command) << calibrate.error;
  EXPECT_EQ(std::get<CalibratePosturesCommand>(*calibrate.command).profile, "bob-2");
}

struct Bad {
  const char* payload;
  const char* error_part;
};

class BadSet : public ::testing::TestWithParam<Bad> {};

TEST_P(BadSet, IsRejectedWithAMessage) {
  const auto r = parse_set_payload(GetParam().payload);
  EXPECT_FALSE(r.command);
  EXPECT_NE(r.error.find(GetParam().error_part), std::string::npos) << r.error;
  const auto resp = response_payload(r, CommandOutcome{});
  EXPECT_EQ(resp["status"], "error");
  EXPECT_FALSE(resp["error"].get<std::string>().empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadSet,
    ::testing::Values(Bad{"", "malformed"}, Bad{"{", "malformed"}, Bad{"tare", "malformed"},
                      Bad{"[1,2]", "object"}, Bad{"42", "object"}, Bad{"{}", "missing 'command'"},
                      Bad{R"({"command":5})", "missing 'command'"}, Bad{R"({"command":"explode"})", "unknown command"},
                      Bad{R"({"command":"snooze"})", "minutes"}, Bad{R"({"command":"snooze","minutes":0})", "1..240"},
                      Bad{R"({"command":"snooze","minutes":241})", "1..240"},
                      Bad{R"({"command":"snooze","minutes":-5})", "1..240"},
                      Bad{R"({"command":"snooze","minutes":2.5})", "integer"},
                      Bad{R"({"command":"snooze","minutes":"10"})", "integer"},
                      Bad{R"({"command":"snooze","minutes":1e300})", "integer"},
                      Bad{R"({"command":"nudges","on":"yes"})", "true or false"},
                      Bad{R"({"command":"baseline","seconds":0})", "1..120"},
                      Bad{R"({"command":"baseline","seconds":"x"})", "number"},
                      Bad{R"({"command":"tare","force":true})", "unknown field 'force'"},
                      Bad{R"({"command":"calibrate_postures","hold_s":1})", "2..120"},
                      Bad{R"({"command":"calibrate_postures","hold_s":"10"})", "number"},
                      Bad{R"({"command":"calibrate_postures","cancel":"yes"})", "true or false"},
                      Bad{R"({"command":"calibrate_postures","cancel":true,"hold_s":5})", "no other field"},
                      Bad{R"({"command":"calibrate_postures","profile":"../etc"})", "starts with"},
                      Bad{R"({"command":"profile"})", "'name' must be a profile's name"},
                      Bad{R"({"command":"profile","name":"anna b"})", "only a-z"},
                      Bad{R"({"command":"profile","name":7})", "profile's name"},
                      Bad{"{\"command\":\"tare\",\"x\":\"\xff\"}", "malformed"}),
    [](const ::testing::TestParamInfo<Bad>& info) { return "payload" + std::to_string(info.index); });

TEST(Commands, OversizedPayloadIsRejectedBeforeParsing) {
  std::string big = R"({"command":"tare","pad":")" + std::string(kMaxCommandBytes, 'x') + "\"}";
  const auto r = parse_set_payload(big);
  EXPECT_FALSE(r.command);
  EXPECT_NE(r.error.find("too large"), std::string::npos);
}

TEST(Commands, ResponseEchoesIdAndCommand) {
  auto ok = parse_set_payload(R"({"command":"tare","id":"abc"})");
  EXPECT_EQ(response_payload(ok, CommandOutcome{}).dump(), R"({"status":"ok","command":"tare","id":"abc"})");
  EXPECT_EQ(response_payload(ok, CommandOutcome{false, "chair is occupied"}).dump(),
            R"({"status":"error","command":"tare","id":"abc","error":"chair is occupied"})");
}

}  // namespace
}  // namespace chairhub::mqtt
