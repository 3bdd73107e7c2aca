// The ADS1115 driver against the register model.
#include <gtest/gtest.h>

#include "hw/ads1115/ads1115.hpp"
#include "hw/ads1115/ads1115_regs.hpp"
#include "hw/sim/ads1115_model.hpp"

using namespace chairhub::hw;
using std::chrono::milliseconds;

TEST(Ads1115Model, PowerOnRegisters) {
  ManualClock clock;
  Ads1115Model m(clock);
  EXPECT_EQ(m.read_word(ads1115::kRegConfig), 0x8583);
  EXPECT_EQ(m.read_word(ads1115::kRegConversion), 0);
  EXPECT_EQ(m.read_word(ads1115::kRegLoThresh), 0x8000);
  EXPECT_EQ(m.read_word(ads1115::kRegHiThresh), 0x7FFF);
}

TEST(Ads1115Model, SingleShotTakesOnePeriodAndClearsOs) {
  ManualClock clock;
  Ads1115Model m(clock);
  m.set_input(2, 1.0);
  // AIN2 vs GND, +-2.048 V, 8 SPS, single shot, start.
  m.write_word(ads1115::kRegConfig, 0x8000 | (6 << 12) | (2 << 9) | 0x100 | (0 << 5) | 3);
  EXPECT_EQ(m.read_word(ads1115::kRegConfig) & ads1115::kOs, 0);
  clock.advance(milliseconds{124});
  EXPECT_EQ(m.read_word(ads1115::kRegConfig) & ads1115::kOs, 0);
  clock.advance(milliseconds{1});
  EXPECT_EQ(m.read_word(ads1115::kRegConfig) & ads1115::kOs, ads1115::kOs);
  EXPECT_EQ(static_cast<std::int16_t>(m.read_word(ads1115::kRegConversion)), 16000);
}

TEST(Ads1115Model, DifferentialAndSaturation) {
  ManualClock clock;
  Ads1115Model m(clock);
  m.set_input(0, 0.5);
  m.set_input(1, 1.0);
  m.write_word(ads1115::kRegConfig, 0x8000 | (0 << 12) | (5 << 9) | 0x100 | (7 << 5) | 3);
  clock.advance(milliseconds{2});
  EXPECT_EQ(static_cast<std::int16_t>(m.read_word(ads1115::kRegConversion)), -32768);
}

TEST(Ads1115, ConfigWordHasMuxPgaRateAndMode) {
  ManualClock clock;
  Ads1115Model m(clock);
  Ads1115 adc(m, clock, {.full_scale = 4.096, .rate_sps = 860});
  // OS | MUX=AIN3 (111) | PGA=001 | MODE single | DR=111 | comparator off
  EXPECT_EQ(adc.config_word(3), 0x8000 | 0x7000 | 0x0200 | 0x0100 | 0x00E0 | 0x0003);
}

TEST(Ads1115, SingleShotReadsEachChannel) {
  ManualClock clock;
  Ads1115Model m(clock);
  for (int i = 0; i < 4; ++i) m.set_input(i, 0.5 * i);
  Ads1115 adc(m, clock, {.full_scale = 4.096, .rate_sps = 128});
  for (int i = 0; i < 4; ++i) {
    const Nanos before = clock.now();
    const AdsReading r = adc.read(i);
    ASSERT_TRUE(r.value) << r.fault;
    EXPECT_EQ(*r.value, 4000 * i);
    EXPECT_GE(clock.now() - before, adc.conversion_time());
    EXPECT_LT(clock.now() - before, adc.conversion_time() + milliseconds{2});
  }
  EXPECT_EQ(m.conversions_started(), 4);
}

TEST(Ads1115, SlowOscillatorIsWaitedFor) {
  ManualClock clock;
  Ads1115Model m(clock);
  m.set_clock_factor(1.1);
  m.set_input(0, 1.0);
  Ads1115 adc(m, clock, {.full_scale = 2.048, .rate_sps = 8});
  const AdsReading r = adc.read(0);
  ASSERT_TRUE(r.value) << r.fault;
  EXPECT_EQ(*r.value, 16000);
}

TEST(Ads1115, ConversionThatNeverEndsIsAFault) {
  ManualClock clock;
  Ads1115Model m(clock);
  m.set_stuck_busy(true);
  Ads1115 adc(m, clock);
  const AdsReading r = adc.read(0);
  EXPECT_FALSE(r.value);
  EXPECT_EQ(adc.fault_kind(), ErrorKind::timeout);
  EXPECT_NE(r.fault.find("did not finish"), std::string::npos);
}

TEST(Ads1115, ContinuousModeWritesConfigOnlyOnInputChange) {
  ManualClock clock;
  Ads1115Model m(clock);
  m.set_input(0, 1.0);
  m.set_input(1, 2.0);
  Ads1115 adc(m, clock, {.full_scale = 4.096, .rate_sps = 250, .mode = AdsMode::continuous});
  EXPECT_EQ(*adc.read(0).value, 8000);
  const int transfers = m.transfers();
  clock.advance(milliseconds{10});
  EXPECT_EQ(*adc.read(0).value, 8000);
  EXPECT_EQ(m.transfers(), transfers + 1);  // just the conversion register
  EXPECT_EQ(*adc.read(1).value, 16000);
  EXPECT_EQ(m.config() & ads1115::kModeSingle, 0);
}

TEST(Ads1115, IoErrorsMidRunBecomeAFaultThatClears) {
  ManualClock clock;
  Ads1115Model m(clock);
  m.set_input(0, 1.0);
  Ads1115 adc(m, clock);
  ASSERT_TRUE(adc.read(0).value);
  m.fail_next(2, ErrorKind::io);
  AdsReading r = adc.read(0);
  EXPECT_FALSE(r.value);
  EXPECT_TRUE(adc.faulted());
  EXPECT_EQ(adc.fault_kind(), ErrorKind::io);
  EXPECT_NE(r.fault.find("no answer from ADS1115"), std::string::npos);
  r = adc.read(0);
  EXPECT_FALSE(r.value);
  r = adc.read(0);
  ASSERT_TRUE(r.value);
  EXPECT_EQ(*r.value, 8000);
  EXPECT_FALSE(adc.faulted());
}

TEST(Ads1115, TimeoutsAreTheirOwnKind) {
  ManualClock clock;
  Ads1115Model m(clock);
  Ads1115 adc(m, clock);
  m.fail_next(1, ErrorKind::timeout);
  adc.read(0);
  EXPECT_EQ(adc.fault_kind(), ErrorKind::timeout);
}

TEST(Ads1115, DeviceThatDisappearsAndComesBackIsReconfigured) {
  ManualClock clock;
  Ads1115Model m(clock);
  m.set_input(1, 0.25);
  Ads1115 adc(m, clock, {.full_scale = 1.024, .rate_sps = 64, .mode = AdsMode::continuous});
  ASSERT_EQ(*adc.read(1).value, 8000);
  m.set_present(false);
  EXPECT_FALSE(adc.read(1).value);
  EXPECT_EQ(adc.fault_kind(), ErrorKind::no_device);
  m.set_present(true);  // power-on: back in single-shot default config
  const AdsReading r = adc.read(1);
  ASSERT_TRUE(r.value) << r.fault;
  EXPECT_EQ(*r.value, 8000);
  EXPECT_EQ(m.config() & ads1115::kModeSingle, 0);
}

TEST(Ads1115, RejectsBadSettings) {
  ManualClock clock;
  Ads1115Model m(clock);
  EXPECT_THROW(Ads1115(m, clock, {.full_scale = 3.3}), std::invalid_argument);
  EXPECT_THROW(Ads1115(m, clock, {.rate_sps = 100}), std::invalid_argument);
  EXPECT_NE(check({.rate_sps = 100}).find("8, 16, 32"), std::string::npos);
}
