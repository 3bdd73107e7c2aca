#include "replay/replay.hpp"
#include "events/event_json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/input_error.hpp"
#include "log/log_writer.hpp"
#include "sim/simulated_chair.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

using testing_support::TempDir;

class CollectingSink : public EventSink {
 public:
  void on_event(const Event& e) override { events.push_back(e); }
  std::vector<std::string> types() const {
    std::vector<std::string> out;
    for (const auto& e : events) out.emplace_back(to_string(e.type()));
    return out;
  }
  std::vector<Event> events;
};

// Writes a simulated log: 3 s empty, 40 s upright, 10 s leaning left, 10 s empty.
std::string write_simulated_log(const TempDir& dir, const ChannelLayout& layout) {
  const Scenario s = parse_scenario(R"(
[[step]]
posture = "away"
seconds = 3
[[step]]
posture = "upright"
seconds = 40
[[step]]
posture = "leaning_left"
seconds = 10
[[step]]
posture = "away"
seconds = 10
)",
                                    "scn.toml", layout);
  auto path = dir.path("sim.csv");
  std::FILE* f = std::fopen(path.c_str(), "wb");
  {
    LogWriter writer(f, layout, s.units, {{"rate_hz", "10"}}, true);
    SimulatedChair chair(s, layout);
    Sample sample;
    std::string label;
    while (chair.next(sample, label)) writer.write(sample, label);
  }
  std::fclose(f);
  return path;
}

TEST(Replay, SimulatedLogGivesTheExpectedEvents) {
  TempDir dir;
  const Config config;
  const auto path = write_simulated_log(dir, config.layout);
  CollectingSink sink;
  const auto stats = replay_log(path, config, {}, sink);
  EXPECT_EQ(stats.samples, 630u);
  EXPECT_EQ(stats.events, sink.events.size());
  std::vector<std::string> postures;
  for (const auto& e : sink.events)
    if (e.type() == EventType::posture) postures.push_back(to_json(e)["posture"].get<std::string>());
  EXPECT_EQ(postures, (std::vector<std::string>{"upright", "leaning_left"}));
  const auto types = sink.types();
  ASSERT_FALSE(types.empty());
  EXPECT_EQ(types.front(), "seated");
  EXPECT_EQ(std::count(types.begin(), types.end(), "stood_up"), 1);
  EXPECT_EQ(std::count(types.begin(), types.end(), "sensor_fault"), 0);
}

TEST(Replay, ObserverSeesEverySampleWithItsLabel) {
  TempDir dir;
  const Config config;
  const auto path = write_simulated_log(dir, config.layout);
  CollectingSink sink;
  std::size_t seen = 0, upright_labels = 0;
  replay_log(path, config, {}, sink, [&](const LogReader& reader, const Analyzer&) {
    ++seen;
    upright_labels += reader.label() == "upright";
  });
  EXPECT_EQ(seen, 630u);
  EXPECT_EQ(upright_labels, 400u);
}

TEST(Replay, IsDeterministic) {
  TempDir dir;
  const Config config;
  const auto path = write_simulated_log(dir, config.layout);
  CollectingSink a, b;
  replay_log(path, config, {}, a);
  replay_log(path, config, {}, b);
  ASSERT_EQ(a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) EXPECT_EQ(to_json(a.events[i]), to_json(b.events[i]));
}

TEST(Replay, BaselineWindowOption) {
  TempDir dir;
  const Config config;
  const auto path = write_simulated_log(dir, config.layout);
  CollectingSink sink;
  ReplayOptions options;
  options.baseline = parse_time_window("10:20");
  replay_log(path, config, options, sink);
  std::vector<Event> baselines;
  for (const auto& e : sink.events)
    if (e.type() == EventType::baseline) baselines.push_back(e);
  ASSERT_EQ(baselines.size(), 1u);
  EXPECT_EQ(to_json(baselines[0])["source"], "window");
  EXPECT_NEAR(baselines[0].t, 20.1, 1e-9);
}

TEST(Replay, MalformedLogErrorNamesFileAndLine) {
  TempDir dir;
  const Config config;
  const auto path = dir.write("bad.csv",
                              "# units: calibrated\n"
                              "t,seat_fl,seat_fr,seat_bl,seat_br,lumbar_l,lumbar_r,foot_l,foot_r\n"
                              "0,1,1,1,1,0,0,0,0\n"
                              "0.1,1,1,1,1,0,0,0\n");
  CollectingSink sink;
  try {
    replay_log(path, config, {}, sink);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":4:"), std::string::npos) << e.what();
  }
}

TEST(ParseTimeWindow, Valid) {
  EXPECT_EQ(parse_time_window("30:60"), std::make_pair(30.0, 60.0));
  EXPECT_EQ(parse_time_window("0.5:1.25"), std::make_pair(0.5, 1.25));
}

TEST(ParseTimeWindow, Invalid) {
  for (const char* text : {"", "30", "60:30", "30:30", "a:b", ":60", "30:", "30-60"})
    EXPECT_THROW(parse_time_window(text), InputError) << text;
}

TEST(ParseTimeWindow, ErrorNamesTheOption) {
  try {
    parse_time_window("later");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--baseline"), std::string::npos);
  }
}

}  // namespace
}  // namespace chairhub
