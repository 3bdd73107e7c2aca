#include <gtest/gtest.h>

#include <cmath>

#include "hw/output/outputs.hpp"
#include "hw/sim/simulated_hardware.hpp"
#include "hw/source/hardware_source.hpp"

using namespace chairhub;
using namespace chairhub::hw;

namespace {

HardwareConfig standard_config() {
  const toml::table root = toml::parse(R"(
[hardware.hx711]
clock = 5
data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = "GPIO26" }
[hardware.ads1115]
inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2 }
[[hardware.outputs]]
name = "led"
line = 16
[[hardware.outputs]]
name = "buzzer"
kind = "buzzer"
line = "BUZZER"
)");
  return read_hardware_config(*root["hardware"].as_table(), "test.toml");
}

struct Rig {
  ManualClock clock;
  HardwareConfig config = standard_config();
  ChannelLayout layout = ChannelLayout::standard();
  SimulatedHardware sim{config, clock};
  HardwareSource source{config, layout, sim.backends(), clock};

  double value(const HardwareReading& r, const char* name) { return r.sample.values[*layout.find(name)]; }
  const ChannelHealth& health(const HardwareReading& r, const char* name) { return r.health[*layout.find(name)]; }
};

}  // namespace

TEST(HardwareSource, FillsTheSampleInLayoutOrder) {
  Rig rig;
  const char* names[] = {"seat_fl", "seat_fr", "seat_bl", "seat_br", "lumbar_l", "lumbar_r", "foot_l"};
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(rig.sim.set_raw(names[i], 1000 * (i + 1)));
  const HardwareReading r = rig.source.read();
  ASSERT_EQ(r.sample.values.size(), rig.layout.size());
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(rig.value(r, names[i]), 1000 * (i + 1)) << names[i];
    EXPECT_TRUE(rig.health(r, names[i]).ok) << names[i];
  }
  EXPECT_TRUE(std::isnan(rig.value(r, "foot_r")));
  EXPECT_EQ(rig.health(r, "foot_r").fault, "not wired in [hardware]");
  EXPECT_GT(r.sample.t, 0.39);  // waited out the HX711 settling after power-up
}

TEST(HardwareSource, FaultedChipsGiveNanWithAReason) {
  Rig rig;
  rig.sim.hx711("seat_fr")->set_never_ready(true);
  rig.sim.ads1115(1, 0x48)->set_present(false);
  HardwareReading r;
  for (int i = 0; i < 4; ++i) r = rig.source.read();
  EXPECT_TRUE(std::isnan(rig.value(r, "seat_fr")));
  EXPECT_NE(rig.health(r, "seat_fr").fault.find("never became ready"), std::string::npos);
  EXPECT_TRUE(rig.health(r, "seat_fl").ok);
  for (const char* pad : {"lumbar_l", "lumbar_r", "foot_l"}) {
    EXPECT_TRUE(std::isnan(rig.value(r, pad)));
    EXPECT_NE(rig.health(r, pad).fault.find("no answer from ADS1115 at 0x48"), std::string::npos) << pad;
  }
  rig.sim.ads1115(1, 0x48)->set_present(true);
  rig.sim.set_raw("foot_l", 321);
  r = rig.source.read();
  EXPECT_EQ(rig.value(r, "foot_l"), 321);
  EXPECT_TRUE(rig.health(r, "foot_l").ok);
}

// The outputs open on their own, here on the GPIO chip the sensors use.
TEST(Outputs, DriveTheLinesThroughThePlayer) {
  ManualClock clock;
  const HardwareConfig config = standard_config();
  SimulatedHardware sim(config, clock);
  ChipDevices devices(sim.backends(), clock, config.gpio_chip, config.all_lines());
  HardwareSource source(config, ChannelLayout::standard(), devices);
  const auto outputs = open_outputs(config.outputs, devices);
  ASSERT_NE(outputs, nullptr);
  outputs->player().play(nudge_pattern(NudgeReason::posture), clock.now());
  EXPECT_EQ(sim.gpio().level(16), 1);
  EXPECT_EQ(sim.gpio().level(sim.offset(LineId(std::string("BUZZER")))), 1);
  EXPECT_EQ(open_outputs({}, devices), nullptr);
}

TEST(Outputs, OpenWithoutTheSensors) {
  Rig rig;
  ChipDevices devices(rig.sim.backends(), rig.clock, "", {16u});
  const auto outputs = open_outputs(rig.config.outputs, devices);
  ASSERT_NE(outputs, nullptr);
  outputs->player().play(nudge_pattern(NudgeReason::posture), rig.clock.now());
  EXPECT_EQ(rig.sim.gpio().level(16), 1);
}

TEST(HardwareSource, LineTakenElsewhereIsAnError) {
  ManualClock clock;
  const HardwareConfig config = standard_config();
  SimulatedHardware sim(config, clock);
  auto held = sim.gpio().request(LineRequest::inputs({6u}));
  try {
    HardwareSource source(config, ChannelLayout::standard(), sim.backends(), clock);
    FAIL() << "expected an error";
  } catch (const DeviceError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::busy);
  }
}

// A NaN unplugs the channel's chip model until a number comes again: that is how the daemon's
// devices source passes a scenario's missing channel on to the drivers.
TEST(SimulatedHardware, AMissingReadingUnplugsTheChip) {
  Rig rig;
  for (const char* name : {"seat_fl", "seat_fr", "seat_bl", "seat_br", "lumbar_l", "lumbar_r", "foot_l"})
    rig.sim.set_raw(name, 1000);
  const auto settled = [&] {  // past the drivers' retries and a returning chip's settling
    HardwareReading r;
    for (int i = 0; i < 8; ++i) r = rig.source.read();
    return r;
  };
  rig.sim.set_raw("seat_fl", kMissing);
  HardwareReading r = settled();
  EXPECT_NE(rig.health(r, "seat_fl").fault.find("never became ready"), std::string::npos);
  EXPECT_TRUE(rig.health(r, "seat_fr").ok);
  rig.sim.set_raw("seat_fl", 1000);
  EXPECT_EQ(rig.value(settled(), "seat_fl"), 1000);

  // An ADS1115 leaves the bus while any of its inputs is missing.
  rig.sim.set_raw("foot_l", kMissing);
  EXPECT_NE(rig.health(settled(), "lumbar_l").fault.find("no answer from ADS1115"), std::string::npos);
  rig.sim.set_raw("foot_l", 1000);
  r = settled();
  EXPECT_EQ(rig.value(r, "lumbar_l"), 1000);
  EXPECT_EQ(rig.value(r, "foot_l"), 1000);

  // A fault set on a model directly stays: only a change to or from NaN plugs.
  rig.sim.hx711("seat_br")->set_connected(false);
  rig.sim.set_raw("seat_br", 1000);
  EXPECT_FALSE(rig.health(settled(), "seat_br").ok);
}
