#include <gtest/gtest.h>

#include "hw/i2c/i2c_dev.hpp"
#include "hw/sim/sim_gpio.hpp"
#include "hw/util/device_error.hpp"

using namespace chairhub::hw;

TEST(SimGpio, OutputsReachTheWireAndListeners) {
  SimGpioChip chip("test", 8);
  std::vector<int> seen;
  chip.on_change(3, [&](int v) { seen.push_back(v); });
  auto out = chip.request(LineRequest::outputs({3u, 4u}, {1, 0}));
  EXPECT_EQ(chip.level(3), 1);
  EXPECT_EQ(chip.level(4), 0);
  out->set(std::vector<int>{0, 1});
  EXPECT_EQ(chip.level(3), 0);
  EXPECT_EQ(chip.level(4), 1);
  EXPECT_EQ(seen, (std::vector<int>{1, 0}));
}

TEST(SimGpio, ActiveLowInvertsBothWays) {
  SimGpioChip chip("test", 4);
  LineRequest req = LineRequest::outputs({0u});
  req.active_low = true;
  auto out = chip.request(req);
  EXPECT_EQ(chip.level(0), 1);  // logical 0 is a high wire
  out->set_all(1);
  EXPECT_EQ(chip.level(0), 0);
  chip.set_level(1, 0);
  req = LineRequest::inputs({1u});
  req.active_low = true;
  auto in = chip.request(req);
  EXPECT_EQ(in->get_one(), 1);
}

TEST(SimGpio, FindsLinesByNameAndRefusesTakenOnes) {
  SimGpioChip chip("test", 4, {"GPIO0", "GPIO1", "GPIO2", "GPIO3"});
  auto a = chip.request(LineRequest::inputs({std::string("GPIO2")}));
  EXPECT_TRUE(chip.requested(2));
  try {
    chip.request(LineRequest::inputs({2u}));
    FAIL() << "expected busy";
  } catch (const DeviceError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::busy);
  }
  try {
    chip.request(LineRequest::inputs({std::string("GPIO9")}));
    FAIL() << "expected not found";
  } catch (const DeviceError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::no_device);
    EXPECT_NE(std::string(e.what()).find("\"GPIO9\""), std::string::npos);
  }
  a.reset();
  EXPECT_FALSE(chip.requested(2));
}

TEST(SimGpio, StuckLineIgnoresTheProgram) {
  SimGpioChip chip("test", 2);
  auto out = chip.request(LineRequest::outputs({0u}));
  chip.stick(0, 1);
  out->set_all(0);
  EXPECT_EQ(chip.level(0), 1);
  chip.stick(0, std::nullopt);
  EXPECT_EQ(chip.level(0), 0);
}

// Line 0 falls from 1 to 0 at `at` on the clock, and says so in advance.
void fall_at(SimGpioChip& chip, ManualClock& clock, Nanos at) {
  chip.drive(
      0, [&clock, at] { return clock.now() < at ? 1 : 0; },
      [&clock, at] { return clock.now() < at ? std::optional<Nanos>(at) : std::nullopt; });
}

TEST(SimGpioEdges, WaitSleepsUntilTheAnnouncedFall) {
  ManualClock clock;
  SimGpioChip chip("test", 2);
  chip.use_clock(clock);
  fall_at(chip, clock, std::chrono::microseconds{5250});
  auto in = chip.request(LineRequest::inputs({0u}, Bias::as_is, Edge::falling));
  EXPECT_TRUE(in->wait_edges(std::chrono::milliseconds{100}));
  EXPECT_EQ(clock.now(), std::chrono::microseconds{5250});  // at the edge, not on a poll grid
  EXPECT_EQ(in->get_one(), 0);
}

TEST(SimGpioEdges, WaitTimesOutOnTheClock) {
  ManualClock clock;
  SimGpioChip chip("test", 2);
  chip.use_clock(clock);
  chip.set_level(0, 1);
  auto in = chip.request(LineRequest::inputs({0u}, Bias::as_is, Edge::falling));
  EXPECT_FALSE(in->wait_edges(std::chrono::milliseconds{10}));
  EXPECT_EQ(clock.now(), std::chrono::milliseconds{10});
}

TEST(SimGpioEdges, EdgesBeforeTheWaitAreKeptUntilDrained) {
  ManualClock clock;
  SimGpioChip chip("test", 2);
  chip.use_clock(clock);
  chip.set_level(0, 1);
  auto in = chip.request(LineRequest::inputs({0u}, Bias::as_is, Edge::falling));
  for (int level : {0, 1, 0, 1}) chip.set_level(0, level);
  EXPECT_TRUE(in->wait_edges(Nanos{0}));   // two falls, both taken at once
  EXPECT_FALSE(in->wait_edges(Nanos{0}));  // nothing left
  EXPECT_EQ(clock.now(), Nanos{0});
}

TEST(SimGpioEdges, OnlyTheRequestedEdgeCountsAndActiveLowSwapsThem) {
  ManualClock clock;
  SimGpioChip chip("test", 2);
  chip.use_clock(clock);
  auto falling = chip.request(LineRequest::inputs({0u}, Bias::as_is, Edge::falling));
  LineRequest inverted = LineRequest::inputs({1u}, Bias::as_is, Edge::falling);
  inverted.active_low = true;
  auto logical = chip.request(inverted);
  chip.set_level(0, 1);  // a rise: not counted
  chip.set_level(1, 1);  // a logical fall
  EXPECT_FALSE(falling->wait_edges(Nanos{0}));
  EXPECT_TRUE(logical->wait_edges(Nanos{0}));
}

TEST(SimGpioEdges, LinesWithoutEdgeDetectionOrAClockSaySo) {
  SimGpioChip chip("test", 2);
  auto plain = chip.request(LineRequest::inputs({0u}));
  EXPECT_THROW(plain->wait_edges(Nanos{0}), DeviceError);
  auto edges = chip.request(LineRequest::inputs({1u}, Bias::as_is, Edge::falling));
  EXPECT_FALSE(edges->wait_edges(Nanos{0}));  // draining needs no clock
  EXPECT_THROW(edges->wait_edges(std::chrono::milliseconds{1}), std::logic_error);
}

TEST(I2cDev, SwapsBytesForBigEndianChips) {
  static_assert(swap_bytes(0x1234) == 0x3412);
  EXPECT_EQ(swap_bytes(swap_bytes(0xBEEF)), 0xBEEF);
}

TEST(I2cDev, MissingBusSaysSo) {
  try {
    open_i2c_dev(97, 0x48);
    FAIL() << "expected an error";
  } catch (const DeviceError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::no_device);
    EXPECT_NE(std::string(e.what()).find("/dev/i2c-97"), std::string::npos);
  }
}

TEST(DeviceError, MapsErrnoToKinds) {
  EXPECT_EQ(error_kind_from_errno(ENXIO), ErrorKind::no_device);
  EXPECT_EQ(error_kind_from_errno(EIO), ErrorKind::io);
  EXPECT_EQ(error_kind_from_errno(EREMOTEIO), ErrorKind::io);
  EXPECT_EQ(error_kind_from_errno(ETIMEDOUT), ErrorKind::timeout);
  EXPECT_EQ(error_kind_from_errno(EBUSY), ErrorKind::busy);
}
