#include "analysis/signal_filter.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <span>
#include <vector>

#include "core/sample.hpp"

namespace chairhub {
namespace {

// One channel's reading in, its filtered value out.
double feed(SignalFilter& filter, double t, double reading) {
  double out = kMissing;
  filter.update(t, std::span(&reading, 1), std::span(&out, 1));
  return out;
}

TEST(SignalFilter, FirstReadingPassesThrough) {
  SignalFilter f(1, 0.4);
  EXPECT_FALSE(f.has_value(0));
  EXPECT_DOUBLE_EQ(feed(f, 0, 42), 42);
  EXPECT_TRUE(f.has_value(0));
  EXPECT_DOUBLE_EQ(f.value(0), 42);
}

TEST(SignalFilter, ConstantInputStaysConstant) {
  SignalFilter f(1, 0.4);
  for (int i = 0; i < 50; ++i) EXPECT_DOUBLE_EQ(feed(f, i * 0.1, 70), 70);
}

TEST(SignalFilter, SingleSampleSpikeDoesNotPass) {
  SignalFilter f(1, 0.4);
  for (int i = 0; i < 10; ++i) feed(f, i * 0.1, 20);
  EXPECT_DOUBLE_EQ(feed(f, 1.0, 500), 20);  // median of 20, 20, 500
  EXPECT_DOUBLE_EQ(feed(f, 1.1, 20), 20);   // median of 20, 500, 20
  EXPECT_DOUBLE_EQ(feed(f, 1.2, 20), 20);
}

TEST(SignalFilter, NegativeSpikeDoesNotPass) {
  SignalFilter f(1, 0);
  for (int i = 0; i < 5; ++i) feed(f, i, 20);
  EXPECT_DOUBLE_EQ(feed(f, 5, -300), 20);
  EXPECT_DOUBLE_EQ(feed(f, 6, 21), 20);  // median of 20, -300, 21
  EXPECT_DOUBLE_EQ(feed(f, 7, 21), 21);
}

TEST(SignalFilter, TwoSampleStepPasses) {
  SignalFilter f(1, 0);  // no smoothing: the median alone
  for (int i = 0; i < 5; ++i) feed(f, i, 0);
  EXPECT_DOUBLE_EQ(feed(f, 5, 10), 0);
  EXPECT_DOUBLE_EQ(feed(f, 6, 10), 10);
}

// Decimal timestamps (0.0125 s apart at 80 Hz) give intervals that differ in their last bits;
// the weight of the first interval serves them all, exactly as if the steps were exact.
TEST(SignalFilter, IntervalsWithinANanosecondShareOneWeight) {
  SignalFilter exact(1, 0.4), decimal(1, 0.4);
  double from_decimal = 0, from_exact = 0;
  for (int i = 0; i < 400; ++i) {
    const double value = 50 + (i % 7);
    from_exact = feed(exact, i * 0.015625, value);  // 1/64: every interval the same double
    from_decimal = feed(decimal, i * 0.015625 + (i > 0 && i % 2 == 0 ? 4e-16 : 0), value);
  }
  EXPECT_EQ(from_decimal, from_exact);
  // a real change of rate takes a new weight
  SignalFilter slower(1, 0.4);
  for (int i = 0; i < 400; ++i) feed(slower, i * 0.015625 * (i < 200 ? 1 : 2), 50 + (i % 7));
  EXPECT_NE(slower.value(0), from_exact);
}

TEST(SignalFilter, SmoothingFollowsTheTimeConstant) {
  const double tau = 0.5;
  SignalFilter f(1, tau);
  feed(f, 0, 0);
  feed(f, 0.1, 0);
  feed(f, 0.2, 0);
  double v = 0;
  for (int i = 3; i <= 200; ++i) v = feed(f, i * 0.1, 1);  // step at t = 0.3, seen by the median at 0.4
  EXPECT_NEAR(v, 1, 1e-9);
  SignalFilter g(1, tau);
  feed(g, 0, 0);
  feed(g, 0.1, 0);
  feed(g, 0.2, 0);
  feed(g, 0.3, 1);
  EXPECT_NEAR(feed(g, 0.8, 1), 1 - std::exp(-0.5 / tau), 1e-12);
}

// Feeds a unit step at t = 1 at the given rate and returns the output at t = 1.5.
double step_response(double rate_hz, double tau) {
  SignalFilter f(1, tau);
  const int n = static_cast<int>(1.5 * rate_hz);
  double v = 0;
  for (int i = 0; i <= n; ++i) {
    const double t = i / rate_hz;
    v = feed(f, t, t >= 1.0 ? 1.0 : 0.0);
  }
  return v;
}

TEST(SignalFilter, TimeConstantIndependentOfSampleRate) {
  const double tau = 0.4;
  const double at_10 = step_response(10, tau);
  const double at_80 = step_response(80, tau);
  const double at_1000 = step_response(1000, tau);
  EXPECT_NEAR(at_10, 1 - std::exp(-0.5 / tau), 1e-9);
  EXPECT_NEAR(at_10, at_80, 1e-9);
  EXPECT_NEAR(at_10, at_1000, 1e-9);
}

TEST(SignalFilter, ResetForgetsThePast) {
  SignalFilter f(1, 10);
  for (int i = 0; i < 5; ++i) feed(f, i, 100);
  f.reset(0);
  EXPECT_FALSE(f.has_value(0));
  EXPECT_DOUBLE_EQ(feed(f, 6, 5), 5);
}

TEST(SignalFilter, ZeroTimeConstantMeansNoSmoothing) {
  SignalFilter f(1, 0);
  feed(f, 0, 1);
  feed(f, 1, 2);
  EXPECT_DOUBLE_EQ(feed(f, 2, 3), 2);
  EXPECT_DOUBLE_EQ(feed(f, 3, 4), 3);
}

// A pad that reads exactly 0 for minutes: the smoothed value reaches 0 itself instead of staying
// in the subnormal doubles (slow arithmetic on x86) for as long as the 0 lasts.
TEST(SignalFilter, DecayTowardsZeroEndsAtZero) {
  SignalFilter f(1, 0.4);
  feed(f, 0, 0.5);
  double v = 1;
  for (int i = 1; i < 80 * 600; ++i) {
    v = feed(f, i * 0.0125, 0);
    ASSERT_NE(std::fpclassify(v), FP_SUBNORMAL) << "at sample " << i;
  }
  EXPECT_EQ(v, 0.0);
}

// Each channel keeps its own state; a channel without a reading (NaN) is left as it is, and
// its value out untouched.
TEST(SignalFilter, ChannelsAreFilteredApart) {
  SignalFilter filter(3, 0);
  std::vector<double> out(3, -1);
  filter.update(0, std::vector<double>{1, 10, kMissing}, out);
  EXPECT_EQ(out, (std::vector<double>{1, 10, -1}));
  filter.update(1, std::vector<double>{2, kMissing, 7}, out);
  filter.update(2, std::vector<double>{50, kMissing, 7}, out);  // a spike on the first
  EXPECT_EQ(out, (std::vector<double>{2, 10, 7}));
  filter.reset(1);
  EXPECT_FALSE(filter.has_value(1));
  EXPECT_TRUE(filter.has_value(0));
  filter.update(3, std::vector<double>{3, 4, 7}, out);
  EXPECT_EQ(out, (std::vector<double>{3, 4, 7}));  // median of 2, 50, 3; the second afresh
}

// Filtered together (the one pass while every channel is in its usual state, each channel's
// own step otherwise), each channel gives exactly what it gives alone: through spikes, a
// missing reading, a reset, a change of rate and a long run of zeros.
TEST(SignalFilter, TogetherAsAlone) {
  constexpr std::size_t kChannels = 5;
  SignalFilter together(kChannels, 0.4);
  std::vector<SignalFilter> alone(kChannels, SignalFilter(1, 0.4));
  std::vector<double> readings(kChannels), out(kChannels, kMissing);
  for (int i = 0; i < 2000; ++i) {
    const double t = i < 1000 ? i * 0.0125 : 12.5 + (i - 1000) * 0.1;
    for (std::size_t c = 0; c < kChannels; ++c) {
      const double noise = static_cast<double>((static_cast<std::size_t>(i) * 7 + c) % 5);
      const double spike = i % 97 == 0 ? 400 : 0;
      readings[c] = c == 4 && i > 300 ? 0.0 : 10.0 * static_cast<double>(c) + noise + spike;
      if (c == 2 && i % 50 == 7) readings[c] = kMissing;
    }
    if (i == 600) {
      together.reset(1);
      alone[1].reset(0);
    }
    together.update(t, readings, out);
    for (std::size_t c = 0; c < kChannels; ++c) {
      if (std::isnan(readings[c])) continue;
      ASSERT_EQ(out[c], feed(alone[c], t, readings[c])) << "channel " << c << " at sample " << i;
    }
  }
}

}  // namespace
}  // namespace chairhub
