// The daemon's sample sources: the built-in simulated chair (looping, paced, stoppable) and a
// log played as if live.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <future>
#include <thread>
#include <vector>

#include "service/sources.hpp"
#include "support/mqtt_support.hpp"

namespace chairhub {
namespace {

using namespace std::chrono_literals;
using mqtt::test::TempDir;

// Three seconds at 10 Hz: 30 samples a lap.
const char* const kShortScenario = R"([sitter]
mass_kg = 70
seed = 7
[log]
rate_hz = 10
units = "calibrated"
move_s = 0.2
[[step]]
posture = "upright"
seconds = 2
[[step]]
posture = "away"
seconds = 1
)";

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class SourcesTest : public ::testing::Test {
 protected:
  Scenario scenario() const { return parse_scenario(kShortScenario, "short.toml", layout_); }

  // A small calibrated log: t = 0, step, 2*step, ...; seat_fl carries the sample's index.
  std::string write_log(int samples, double step) const {
    auto path = (dir_.path() / "tiny.csv").string();
    std::ofstream out(path);
    out << "# chairhub sensor log\n# units: calibrated\n# rate_hz: " << 1 / step << "\n"
        << "t,seat_fl,seat_fr,seat_bl,seat_br,lumbar_l,lumbar_r,foot_l,foot_r\n";
    for (int i = 0; i < samples; ++i)
      out << i * step << "," << i << ",10.5,11,12,0.25,0.5,0,1\n";
    return path;
  }

  ChannelLayout layout_ = ChannelLayout::standard();
  TempDir dir_;
};

TEST_F(SourcesTest, SimulatedSourceYieldsIncreasingTimesAndLoopsTheScenario) {
  const double before = monotonic_seconds();
  SimulatedSource source(scenario(), layout_, 1000);  // a 3 s lap in 3 ms
  const auto start = std::chrono::steady_clock::now();
  std::vector<Sample> samples;
  Sample sample;
  for (int i = 0; i < 100; ++i) {  // more than three laps
    ASSERT_TRUE(source.next(sample)) << "sample " << i;
    ASSERT_EQ(sample.values.size(), layout_.size());
    samples.push_back(sample);
  }
  EXPECT_LT(seconds_since(start), 2.0);
  // Live-looking times: from the monotonic clock at start, on one unbroken 10 Hz grid through
  // the laps (no jump back, no gap, no repeat where a lap begins again).
  EXPECT_GE(samples.front().t, before - 0.01);
  EXPECT_LE(samples.front().t, before + 1.0);
  for (std::size_t i = 1; i < samples.size(); ++i) {
    ASSERT_GT(samples[i].t, samples[i - 1].t) << "sample " << i;
    EXPECT_NEAR(samples[i].t - samples[i - 1].t, 0.1, 1e-6) << "sample " << i;
  }
  EXPECT_NEAR(samples.back().t - samples.front().t, 9.9, 1e-6);
  // The scenario plays again: someone sits (about 70 kg on the seat) in the first two seconds
  // of every lap, and the chair is empty in the last second.
  auto seat_kg = [&](const Sample& s) { return s.values[0] + s.values[1] + s.values[2] + s.values[3]; };
  for (int lap = 0; lap < 3; ++lap) {
    SCOPED_TRACE(lap);
    EXPECT_GT(seat_kg(samples[lap * 30 + 15]), 30);
    EXPECT_LT(seat_kg(samples[lap * 30 + 29]), 5);
  }
  // Each lap is the same sitter with the same seed: the same readings.
  for (std::size_t i = 0; i < 30; ++i) EXPECT_EQ(samples[i].values, samples[i + 30].values) << i;
}

TEST_F(SourcesTest, SimulatedSourcePacesAtItsSpeed) {
  SimulatedSource source(scenario(), layout_, 20);  // 10 samples = 1 s of sitting in about 50 ms
  Sample sample;
  ASSERT_TRUE(source.next(sample));
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(source.next(sample));
  const double took = seconds_since(start);
  EXPECT_GE(took, 0.04);
  EXPECT_LT(took, 2.0);
}

TEST_F(SourcesTest, SimulatedSourceStopsPromptly) {
  SimulatedSource source(scenario(), layout_, 0.01);  // a sample every 10 s
  Sample sample;
  ASSERT_TRUE(source.next(sample));  // the first is due at once
  auto blocked = std::async(std::launch::async, [&] {
    Sample s;
    return source.next(s);
  });
  std::this_thread::sleep_for(100ms);
  ASSERT_EQ(blocked.wait_for(0ms), std::future_status::timeout) << "next() did not wait for its sample";
  const auto stop = std::chrono::steady_clock::now();
  source.stop();
  ASSERT_EQ(blocked.wait_for(2s), std::future_status::ready);
  EXPECT_FALSE(blocked.get());
  EXPECT_LT(seconds_since(stop), 0.5);
  // And it stays stopped.
  EXPECT_FALSE(source.next(sample));
  EXPECT_NE(source.describe().find("simulated chair"), std::string::npos);
}

TEST_F(SourcesTest, LogSourceAtSpeedZeroYieldsTheLogAndEnds) {
  const auto path = write_log(5, 0.1);
  LogSource source(path, layout_, 0);
  EXPECT_EQ(source.units(), Units::calibrated);
  const auto start = std::chrono::steady_clock::now();
  Sample sample;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(source.next(sample)) << i;
    EXPECT_NEAR(sample.t, i * 0.1, 1e-9);
    const std::vector<double> expected{double(i), 10.5, 11, 12, 0.25, 0.5, 0, 1};
    EXPECT_EQ(sample.values, expected);
  }
  EXPECT_FALSE(source.next(sample));
  EXPECT_FALSE(source.next(sample));  // ended stays ended
  EXPECT_LT(seconds_since(start), 0.2);
  EXPECT_EQ(source.describe(), "log " + path);
}

TEST_F(SourcesTest, LogSourceAtASpeedPacesTheLog) {
  const auto path = write_log(5, 1.0);  // 4 s of log
  LogSource source(path, layout_, 40);  // in 100 ms
  const auto start = std::chrono::steady_clock::now();
  Sample sample;
  std::vector<double> arrived;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(source.next(sample)) << i;
    EXPECT_EQ(sample.t, i);
    arrived.push_back(seconds_since(start));
  }
  EXPECT_FALSE(source.next(sample));
  EXPECT_LT(arrived.front(), 0.02);  // the first sample is due at once
  EXPECT_GE(arrived.back(), 0.095);
  EXPECT_LT(arrived.back(), 1.0);
  for (int i = 1; i < 5; ++i) EXPECT_GE(arrived[i], i * 0.025 - 0.001) << i;
}

// A log from a FIFO (a recorder writing into it) is played as its rows arrive: the first sample
// comes while the writer still holds the FIFO open, not when it closes it.
TEST_F(SourcesTest, LogSourceFromAFifoYieldsRowsAsTheyArrive) {
  const auto fifo = (dir_.path() / "live.csv").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::promise<void> first_sample;
  auto writer = std::async(std::launch::async, [&, got = first_sample.get_future()] {
    std::ofstream out(fifo);
    out << "# units: calibrated\nt,seat_fl,seat_fr,seat_bl,seat_br,lumbar_l,lumbar_r,foot_l,foot_r\n"
        << "0,1,10.5,11,12,0.25,0.5,0,1\n"
        << std::flush;
    if (got.wait_for(60s) != std::future_status::ready) return false;  // a guard against hanging
    out << "0.1,2,10.5,11,12,0.25,0.5,0,1\n";
    return true;
  });
  LogSource source(fifo, layout_, 0);
  Sample sample;
  ASSERT_TRUE(source.next(sample));
  EXPECT_EQ(sample.values[0], 1);
  first_sample.set_value();
  ASSERT_TRUE(writer.get());  // the writer was still waiting, the FIFO open, when the sample came
  ASSERT_TRUE(source.next(sample));
  EXPECT_EQ(sample.values[0], 2);
  EXPECT_FALSE(source.next(sample));
}

TEST_F(SourcesTest, LogSourceStopsPromptly) {
  const auto path = write_log(3, 100.0);  // samples 100 s apart
  LogSource source(path, layout_, 1);
  Sample sample;
  ASSERT_TRUE(source.next(sample));
  auto blocked = std::async(std::launch::async, [&] {
    Sample s;
    return source.next(s);
  });
  std::this_thread::sleep_for(50ms);
  const auto stop = std::chrono::steady_clock::now();
  source.stop();
  ASSERT_EQ(blocked.wait_for(2s), std::future_status::ready);
  EXPECT_FALSE(blocked.get());
  EXPECT_LT(seconds_since(stop), 0.5);
  EXPECT_FALSE(source.next(sample));
}

}  // namespace
}  // namespace chairhub
