// The HX711 model against the datasheet, driven pin by pin (no driver involved).
#include <gtest/gtest.h>

#include "hw/sim/hx711_model.hpp"

using namespace chairhub::hw;
using std::chrono::microseconds;
using std::chrono::milliseconds;

namespace {

struct Pins {
  ManualClock clock;
  SimGpioChip chip{"test", 2};
  Hx711Model model{chip, 0, 1, clock, 10};
  std::unique_ptr<GpioLines> sck = chip.request(LineRequest::outputs({0u}));
  std::unique_ptr<GpioLines> dout = chip.request(LineRequest::inputs({1u}));

  void pulse(microseconds high = microseconds{1}) {
    sck->set_all(1);
    clock.advance(high);
    sck->set_all(0);
    clock.advance(microseconds{1});
  }
  // Reads 24 bits and gives `extra` more pulses, sampling after each falling edge.
  std::int32_t read(int extra) {
    std::uint32_t v = 0;
    for (int i = 0; i < 24; ++i) {
      pulse();
      v = (v << 1) | static_cast<std::uint32_t>(dout->get_one());
    }
    for (int i = 0; i < extra; ++i) pulse();
    return (v & 0x800000u) ? static_cast<std::int32_t>(v) - 0x1000000 : static_cast<std::int32_t>(v);
  }
};

}  // namespace

TEST(Hx711Model, ReadyAfterSettlingThenEveryPeriod) {
  Pins p;
  EXPECT_EQ(p.dout->get_one(), 1);
  p.clock.advance(milliseconds{399});
  EXPECT_EQ(p.dout->get_one(), 1);  // 400 ms settling at 10 SPS
  p.clock.advance(milliseconds{1});
  EXPECT_EQ(p.dout->get_one(), 0);
  p.read(1);
  EXPECT_EQ(p.dout->get_one(), 1);  // the 25th pulse pulls DOUT high
  p.clock.advance(milliseconds{99});
  EXPECT_EQ(p.dout->get_one(), 1);
  p.clock.advance(milliseconds{1});
  EXPECT_EQ(p.dout->get_one(), 0);
}

TEST(Hx711Model, ShiftsTwosComplementMsbFirst) {
  Pins p;
  p.model.set_input(Hx711Model::Input::a, Hx711Model::volts_for(-12345, 128));
  p.clock.advance(milliseconds{400});
  EXPECT_EQ(p.read(1), -12345);
  p.model.set_input(Hx711Model::Input::a, Hx711Model::volts_for(0x5A5A5A, 128));
  p.clock.advance(milliseconds{100});
  EXPECT_EQ(p.read(1), 0x5A5A5A);
}

TEST(Hx711Model, SaturatesAtFullScale) {
  EXPECT_EQ(Hx711Model::code_for(0.1, 128), 0x7FFFFF);
  EXPECT_EQ(Hx711Model::code_for(-0.1, 128), -0x800000);
  // Full scale of channel A at gain 128 with AVDD 5 V is +-19.53 mV.
  EXPECT_EQ(Hx711Model::code_for(0.5 * 5.0 / 128 / 2, 128), 0x400000);
}

TEST(Hx711Model, PulseCountSelectsTheNextConversion) {
  Pins p;
  p.model.set_input(Hx711Model::Input::a, 0.001);
  p.model.set_input(Hx711Model::Input::b, 0.002);
  p.clock.advance(milliseconds{400});
  EXPECT_EQ(p.read(2), Hx711Model::code_for(0.001, 128));  // this one still A/128
  EXPECT_EQ(p.model.gain(), 32);
  p.clock.advance(milliseconds{100});
  EXPECT_EQ(p.dout->get_one(), 1);  // a new input settles for 4 periods
  p.clock.advance(milliseconds{300});
  EXPECT_EQ(p.read(3), Hx711Model::code_for(0.002, 32));
  EXPECT_EQ(p.model.gain(), 64);
  p.clock.advance(milliseconds{400});
  EXPECT_EQ(p.read(3), Hx711Model::code_for(0.001, 64));
  EXPECT_EQ(p.model.gain(), 64);
  p.clock.advance(milliseconds{100});  // unchanged selection: no extra settling
  EXPECT_EQ(p.dout->get_one(), 0);
}

TEST(Hx711Model, ClockHighOver60usPowersDownAndWakesAtA128) {
  Pins p;
  p.clock.advance(milliseconds{400});
  p.read(3);
  EXPECT_EQ(p.model.gain(), 64);
  p.sck->set_all(1);
  p.clock.advance(microseconds{60});
  EXPECT_FALSE(p.model.powered_down());
  p.clock.advance(microseconds{1});
  EXPECT_TRUE(p.model.powered_down());
  EXPECT_EQ(p.dout->get_one(), 1);
  p.sck->set_all(0);
  EXPECT_EQ(p.model.power_downs(), 1);
  EXPECT_EQ(p.model.gain(), 128);
  p.clock.advance(milliseconds{399});
  EXPECT_EQ(p.dout->get_one(), 1);
  p.clock.advance(milliseconds{1});
  EXPECT_EQ(p.dout->get_one(), 0);
}

TEST(Hx711Model, PulsesWhileConvertingAreIgnored) {
  Pins p;
  p.model.set_input(Hx711Model::Input::a, Hx711Model::volts_for(777, 128));
  for (int i = 0; i < 10; ++i) p.pulse();
  p.clock.advance(milliseconds{400});
  EXPECT_EQ(p.read(1), 777);
}

TEST(Hx711Model, EightySamplesPerSecond) {
  ManualClock clock;
  SimGpioChip chip("test", 2);
  // cppcheck-suppress unreadVariable ; the model drives DOUT while it lives
  Hx711Model model(chip, 0, 1, clock, 80);
  auto dout = chip.request(LineRequest::inputs({1u}));
  clock.advance(milliseconds{49});
  EXPECT_EQ(dout->get_one(), 1);
  clock.advance(milliseconds{1});
  EXPECT_EQ(dout->get_one(), 0);  // 50 ms settling at 80 SPS
}
