// Hx711Bus::wait_ready against the software HX711: it sleeps until DOUT falls, not on a poll grid.
#include <gtest/gtest.h>

#include "hw/hx711/hx711_bus.hpp"
#include "hw/sim/hx711_model.hpp"

using namespace chairhub::hw;
using std::chrono::microseconds;
using std::chrono::milliseconds;

namespace {

// One HX711 at 10 samples/s: clock on line 0, data on line 1. Its first conversion is ready
// 400 ms (the settling time) after power-up at time 0.
struct OneChip {
  OneChip()
      : chip("test", 2),
        model(chip, 0, 1, clock, 10),
        sck(chip.request(LineRequest::outputs({0u}))),
        dout(chip.request(LineRequest::inputs({1u}, Bias::as_is, Edge::falling))),
        bus(*sck, *dout, clock) {}

  ManualClock clock;
  SimGpioChip chip;
  Hx711Model model;
  std::unique_ptr<GpioLines> sck, dout;
  Hx711Bus bus;
};

const std::vector<bool> kWait{true};

}  // namespace

TEST(Hx711BusWait, ReturnsAtTheDataReadyEdge) {
  OneChip c;
  c.clock.advance(microseconds{250});  // off any 1 ms grid a poll would have used
  const std::vector<bool> ready = c.bus.wait_ready(kWait, milliseconds{1000});
  EXPECT_TRUE(ready[0]);
  EXPECT_EQ(c.clock.now(), milliseconds{400});
}

TEST(Hx711BusWait, TimesOutWhenTheChipNeverGetsReady) {
  OneChip c;
  c.model.set_never_ready(true);
  const std::vector<bool> ready = c.bus.wait_ready(kWait, milliseconds{50});
  EXPECT_FALSE(ready[0]);
  EXPECT_EQ(c.clock.now(), milliseconds{50});
}

TEST(Hx711BusWait, AChipAlreadyReadyIsNotWaitedFor) {
  OneChip c;
  c.clock.advance(milliseconds{450});
  const std::vector<bool> ready = c.bus.wait_ready(kWait, milliseconds{1000});
  EXPECT_TRUE(ready[0]);
  EXPECT_EQ(c.clock.now(), milliseconds{450});
}

// Passes everything through and notes how long each wait for edges slept.
class WatchedLines final : public GpioLines {
 public:
  WatchedLines(GpioLines& lines, Clock& clock) : lines_(lines), clock_(clock) {}
  std::size_t size() const override { return lines_.size(); }
  void get(std::span<int> values) override { lines_.get(values); }
  void set(std::span<const int> values) override { lines_.set(values); }
  bool wait_edges(Nanos timeout) override {
    const Nanos start = clock_.now();
    const bool any = lines_.wait_edges(timeout);
    if (timeout > Nanos{0}) slept.push_back(clock_.now() - start);
    return any;
  }
  std::vector<Nanos> slept;

 private:
  GpioLines& lines_;
  Clock& clock_;
};

TEST(Hx711BusWait, EdgesOfTheLastFramesDataBitsAreDrainedFirst) {
  OneChip c;
  WatchedLines dout(*c.dout, c.clock);
  Hx711Bus bus(*c.sck, dout, c.clock);
  c.model.set_input(Hx711Model::Input::a, Hx711Model::volts_for(0x2AAAAA, 128));  // bits toggle
  for (int frame = 0; frame < 3; ++frame) {
    ASSERT_TRUE(bus.wait_ready(kWait, milliseconds{1000})[0]);
    EXPECT_EQ(c.clock.now(), milliseconds{400 + 100 * frame});  // each conversion, on time
    ASSERT_EQ(bus.shift(kWait, 1).raw[0], 0x2AAAAA);
  }
  // A stale edge would have ended a wait at once, with the chip not ready.
  ASSERT_EQ(dout.slept.size(), 3u);
  for (const Nanos slept : dout.slept) EXPECT_GT(slept, Nanos{0});
}

// Two chips on one clock, the second powered up 30 us after the first: its conversions come
// 30 us later, within the frame the first one's readiness starts.
struct TwoChips {
  TwoChips()
      : chip("test", 3),
        first(chip, 0, 1, clock, 10),
        second((clock.advance(microseconds{30}), chip), 0, 2, clock, 10),
        sck(chip.request(LineRequest::outputs({0u}))),
        dout(chip.request(LineRequest::inputs({1u, 2u}, Bias::as_is, Edge::falling))),
        bus(*sck, *dout, clock) {}

  ManualClock clock;
  SimGpioChip chip;
  Hx711Model first, second;
  std::unique_ptr<GpioLines> sck, dout;
  Hx711Bus bus;
};

TEST(Hx711BusWait, AChipNotWaitedForThatIsJustBehindJoinsTheFrame) {
  TwoChips c;
  const std::vector<bool> ready = c.bus.wait_ready({true, false}, milliseconds{1000});
  EXPECT_TRUE(ready[0]);
  EXPECT_TRUE(ready[1]);  // else the frame's pulses would catch it mid-word, every period
  EXPECT_EQ(c.clock.now(), microseconds{400030});
}

TEST(Hx711BusWait, AChipNotWaitedForThatStaysAwayCostsOnlyTheGrace) {
  TwoChips c;
  c.second.set_never_ready(true);
  const std::vector<bool> ready = c.bus.wait_ready({true, false}, milliseconds{1000});
  EXPECT_TRUE(ready[0]);
  EXPECT_FALSE(ready[1]);
  EXPECT_EQ(c.clock.now(), milliseconds{400} + Hx711Timing{}.straggler_wait);
}
