// The HX711 driver (bus and chip layers) against the software chip model.
#include <gtest/gtest.h>

#include <memory>

#include "hw/hx711/hx711.hpp"
#include "hw/sim/hx711_model.hpp"

using namespace chairhub::hw;
using std::chrono::microseconds;
using std::chrono::milliseconds;
using Input = Hx711Model::Input;

namespace {

// Line 0 is the shared clock; chip i has its data on line i+1.
struct Rig {
  explicit Rig(std::size_t n, int rate = 10, Hx711Gain gain = Hx711Gain::a128) : chip("test", 8) {
    for (std::size_t i = 0; i < n; ++i) {
      models.push_back(std::make_unique<Hx711Model>(chip, 0, static_cast<unsigned>(i + 1), clock, rate));
    }
    sck = chip.request(LineRequest::outputs({0u}));
    LineRequest data = LineRequest::inputs({}, Bias::as_is, Edge::falling);
    for (std::size_t i = 0; i < n; ++i) data.lines.emplace_back(static_cast<unsigned>(i + 1));
    dout = chip.request(data);
    settings.rate_sps = rate;
    settings.gain = gain;
    array = std::make_unique<Hx711Array>(*sck, *dout, clock, settings);
  }
  void set_counts(std::size_t i, std::int32_t counts, int gain = 128, Input in = Input::a) {
    models[i]->set_input(in, Hx711Model::volts_for(counts, gain));
  }

  ManualClock clock;
  SimGpioChip chip;
  std::vector<std::unique_ptr<Hx711Model>> models;
  std::unique_ptr<GpioLines> sck, dout;
  Hx711Settings settings;
  std::unique_ptr<Hx711Array> array;
};

}  // namespace

TEST(Hx711, ReadsSeveralChipsOnOneClockInParallel) {
  Rig rig(4);
  const std::int32_t want[4] = {100000, -100000, 8388607, -8388608};
  for (std::size_t i = 0; i < 4; ++i) rig.set_counts(i, want[i]);
  const Hx711Reading r = rig.array->read();
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(r.status[i], Hx711Status::ok) << i;
    ASSERT_TRUE(r.values[i]) << i;
    EXPECT_EQ(*r.values[i], want[i]) << i;
  }
  EXPECT_EQ(r.discarded_frames, 0);
  EXPECT_LE(r.longest_high, microseconds{50});
}

TEST(Hx711, KeepsPaceWithTheDataRate) {
  for (int rate : {10, 80}) {
    Rig rig(2, rate);
    rig.array->read();
    const Nanos start = rig.clock.now();
    for (int i = 0; i < 20; ++i) {
      const Hx711Reading r = rig.array->read();
      EXPECT_EQ(r.status[0], Hx711Status::ok);
    }
    const double per_read = to_seconds(rig.clock.now() - start) / 20;
    EXPECT_NEAR(per_read, 1.0 / rate, 0.002) << rate;
    EXPECT_EQ(rig.models[0]->conversions_read(), 21);
  }
}

TEST(Hx711, GainSixtyFourDiscardsTheFirstConversionAtA128) {
  Rig rig(1, 10, Hx711Gain::a64);
  rig.models[0]->set_input(Input::a, Hx711Model::volts_for(50000, 64));
  Hx711Reading r = rig.array->read();
  EXPECT_EQ(r.status[0], Hx711Status::settling);
  EXPECT_FALSE(r.values[0]);
  r = rig.array->read();
  ASSERT_EQ(r.status[0], Hx711Status::ok);
  EXPECT_EQ(*r.values[0], 50000);
  EXPECT_EQ(rig.models[0]->gain(), 64);
}

TEST(Hx711, ChannelBAtGain32) {
  Rig rig(1, 80, Hx711Gain::b32);
  rig.set_counts(0, -4242, 32, Input::b);
  rig.set_counts(0, 999, 128, Input::a);
  rig.array->read();
  const Hx711Reading r = rig.array->read();
  ASSERT_EQ(r.status[0], Hx711Status::ok);
  EXPECT_EQ(*r.values[0], -4242);
}

TEST(Hx711, PreemptedClockPulseIsDiscardedAndRetried) {
  Rig rig(2);
  rig.set_counts(0, 1234);
  rig.set_counts(1, 5678);
  rig.array->read();
  // Stall the reader for 80 us inside the 10th clock-high phase of the next frame.
  int rises = 0;
  rig.chip.on_change(0, [&](int level) {
    if (level && ++rises == 10) rig.clock.advance(microseconds{80});
  });
  const Hx711Reading r = rig.array->read();
  EXPECT_EQ(r.discarded_frames, 1);
  EXPECT_GE(r.longest_high, microseconds{80});
  EXPECT_EQ(rig.models[0]->power_downs(), 1);  // the chips really did power down
  ASSERT_EQ(r.status[0], Hx711Status::ok);     // the retry waited out their settling
  EXPECT_EQ(*r.values[0], 1234);
  EXPECT_EQ(*r.values[1], 5678);
}

TEST(Hx711, ShortStallBelowPowerDownIsStillDiscarded) {
  Rig rig(1);
  rig.set_counts(0, 42);
  rig.array->read();
  int rises = 0;
  rig.chip.on_change(0, [&](int level) {
    if (level && ++rises == 3) rig.clock.advance(microseconds{55});
  });
  const Hx711Reading r = rig.array->read();
  EXPECT_EQ(r.discarded_frames, 1);
  EXPECT_EQ(rig.models[0]->power_downs(), 0);
  ASSERT_EQ(r.status[0], Hx711Status::ok);
  EXPECT_EQ(*r.values[0], 42);
}

TEST(Hx711, ConstantPreemptionEndsAsTimingStatus) {
  Rig rig(1);
  rig.array->read();
  rig.chip.on_change(0, [&](int level) {
    if (level) rig.clock.advance(microseconds{70});
  });
  for (int i = 0; i < 3; ++i) {
    const Hx711Reading r = rig.array->read();
    EXPECT_EQ(r.status[0], Hx711Status::timing);
    EXPECT_EQ(r.discarded_frames, rig.settings.retries + 1);
  }
  EXPECT_TRUE(rig.array->faulted(0));
  EXPECT_NE(rig.array->fault_message(0).find("real-time"), std::string::npos);
}

TEST(Hx711, ChipThatNeverGetsReadyIsAFaultAndDoesNotStallTheOthers) {
  Rig rig(3);
  rig.set_counts(0, 10);
  rig.set_counts(2, 30);
  rig.models[1]->set_never_ready(true);
  for (int i = 0; i < 3; ++i) {
    const Hx711Reading r = rig.array->read();
    EXPECT_EQ(r.status[1], Hx711Status::not_ready);
    EXPECT_EQ(r.status[0], Hx711Status::ok);
    EXPECT_EQ(*r.values[2], 30);
  }
  EXPECT_TRUE(rig.array->faulted(1));
  EXPECT_FALSE(rig.array->faulted(0));
  EXPECT_NE(rig.array->fault_message(1).find("never became ready"), std::string::npos);
  // Once faulted it is not waited for: reads keep the data rate.
  const Nanos start = rig.clock.now();
  rig.array->read();
  EXPECT_LE(rig.clock.now() - start, milliseconds{102});
}

TEST(Hx711, ChipThatComesBackRecovers) {
  Rig rig(2);
  rig.set_counts(0, 10);
  rig.set_counts(1, 20);
  rig.models[1]->set_connected(false);
  for (int i = 0; i < 4; ++i) rig.array->read();
  EXPECT_TRUE(rig.array->faulted(1));
  rig.models[1]->set_connected(true);
  std::optional<std::int32_t> back;
  for (int i = 0; i < 10 && !back; ++i) back = rig.array->read().values[1];
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, 20);
  EXPECT_FALSE(rig.array->faulted(1));
}

// A chip that stalls while the others go on takes their frames' pulses as a choice of gain
// (pulses 26 and 27 after its last read): back, it must be left to settle at the gain the driver
// sets, not be pulsed again mid-conversion and so kept out of step (and read at gain 64).
TEST(Hx711, ChipThatStalledBrieflyComesBackInStepAtItsGain) {
  Rig rig(2);
  rig.set_counts(0, 10000);
  rig.set_counts(1, 20000);
  rig.array->read();
  rig.models[1]->set_never_ready(true);
  for (int i = 0; i < 2; ++i) EXPECT_EQ(rig.array->read().status[1], Hx711Status::not_ready);
  EXPECT_FALSE(rig.array->faulted(1));
  rig.models[1]->set_never_ready(false);
  int reads = 0;
  while (!rig.array->read().values[1] && ++reads < 10) {
  }
  EXPECT_LE(reads, 2);  // the stale conversion is dropped, the next one is good
  for (int i = 0; i < 20; ++i) {
    const Hx711Reading r = rig.array->read();
    ASSERT_EQ(r.status[1], Hx711Status::ok) << "read " << i;
    EXPECT_EQ(*r.values[1], 20000) << "read " << i;
    EXPECT_EQ(*r.values[0], 10000) << "read " << i;
  }
}

TEST(Hx711, DataLineStuckLowIsCaughtAfterTheLastPulse) {
  Rig rig(2);
  rig.set_counts(0, 10);
  rig.chip.stick(2, 0);
  for (int i = 0; i < 3; ++i) {
    const Hx711Reading r = rig.array->read();
    EXPECT_EQ(r.status[1], Hx711Status::stuck_low);
    EXPECT_FALSE(r.values[1]);
    EXPECT_EQ(*r.values[0], 10);
  }
  EXPECT_TRUE(rig.array->faulted(1));
  EXPECT_NE(rig.array->fault_message(1).find("stuck low"), std::string::npos);
}

TEST(Hx711, DataLineStuckHighLooksLikeNotReady) {
  Rig rig(1);
  rig.chip.stick(1, 1);
  const Hx711Reading r = rig.array->read();
  EXPECT_EQ(r.status[0], Hx711Status::not_ready);
}

TEST(Hx711Bus, SignExtends24Bits) {
  EXPECT_EQ(sign_extend_24(0x000001), 1);
  EXPECT_EQ(sign_extend_24(0x7FFFFF), 8388607);
  EXPECT_EQ(sign_extend_24(0x800000), -8388608);
  EXPECT_EQ(sign_extend_24(0xFFFFFF), -1);
}

TEST(Hx711, RejectsOtherRates) {
  SimGpioChip chip("t", 2);
  ManualClock clock;
  auto sck = chip.request(LineRequest::outputs({0u}));
  auto dout = chip.request(LineRequest::inputs({1u}));
  Hx711Settings bad;
  bad.rate_sps = 20;
  EXPECT_THROW(Hx711Array(*sck, *dout, clock, bad), std::invalid_argument);
}
