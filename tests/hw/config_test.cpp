#include <gtest/gtest.h>

#include "core/input_error.hpp"
#include "hw/ads1115/ads1115_config.hpp"
#include "hw/chip/registry.hpp"
#include "hw/config/hardware_config.hpp"
#include "hw/hx711/hx711_config.hpp"

using namespace chairhub;
using namespace chairhub::hw;

namespace {

const char* kGood = R"(
[hardware]
gpio_chip = "pinctrl-bcm2711"
[[hardware.hx711]]
clock = 5
rate = 80
gain = 64
data = { seat_fl = 6, seat_fr = 13, seat_bl = "GPIO19", seat_br = 26 }
[[hardware.ads1115]]
bus = 1
address = 0x49
full_scale = 2.048
rate = 250
inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2, foot_r = 3 }
[[hardware.outputs]]
name = "led"
line = 16
[[hardware.outputs]]
name = "buzzer"
kind = "buzzer"
line = "GPIO20"
)";

HardwareConfig parse(const std::string& text) {
  const toml::table root = toml::parse(std::string_view(text), std::string_view("chair.toml"));
  // By reference: a copied toml::table loses its source positions.
  if (const toml::table* hw = root["hardware"].as_table()) return read_hardware_config(*hw, "chair.toml");
  return read_hardware_config(toml::table{}, "chair.toml");
}

// The InputError message for a [hardware] text, or "" when it parses and checks.
std::string error_of(const std::string& text) {
  try {
    check_hardware_config(parse(text), ChannelLayout::standard());
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(HardwareConfig, ReadsAFullSection) {
  const HardwareConfig c = parse(kGood);
  EXPECT_EQ(c.gpio_chip, "pinctrl-bcm2711");
  ASSERT_EQ(c.groups.size(), 2u);
  const auto hx = c.chips<Hx711Group>();
  ASSERT_EQ(hx.size(), 1u);
  EXPECT_EQ(hx[0]->clock, LineId(5u));
  EXPECT_EQ(hx[0]->rate_sps, 80);
  EXPECT_EQ(hx[0]->gain, Hx711Gain::a64);
  ASSERT_EQ(hx[0]->inputs.size(), 4u);
  bool named = false;
  for (const auto& in : hx[0]->inputs) named = named || in.data == LineId(std::string("GPIO19"));
  EXPECT_TRUE(named);
  const auto ads = c.chips<Ads1115Chip>();
  ASSERT_EQ(ads.size(), 1u);
  EXPECT_EQ(ads[0]->address, 0x49);
  EXPECT_EQ(ads[0]->settings.rate_sps, 250);
  EXPECT_DOUBLE_EQ(ads[0]->settings.full_scale, 2.048);
  ASSERT_EQ(c.outputs.size(), 2u);
  EXPECT_EQ(c.outputs[1].kind, OutputKind::buzzer);
  EXPECT_EQ(error_of(kGood), "");
}

TEST(HardwareConfig, SingleTablesWorkToo) {
  const HardwareConfig c = parse("[hardware.ads1115]\ninputs = { foot_l = 0 }\n");
  const auto ads = c.chips<Ads1115Chip>();
  ASSERT_EQ(ads.size(), 1u);
  EXPECT_EQ(ads[0]->bus, 1);
  EXPECT_EQ(ads[0]->address, 0x48);
}

// Each chip's table is read by its own reader, found in the registry by the table's key; the
// groups come in the registry's order (pacing chips first), whatever the file's.
TEST(HardwareConfig, TheRegistryReadsEachChipsTable) {
  const HardwareConfig c = parse("[hardware.ads1115]\ninputs = { foot_l = 0 }\n[hardware.hx711]\nclock = 5\n"
                                 "data = { seat_fl = 6 }\n");
  ASSERT_EQ(c.groups.size(), 2u);
  EXPECT_EQ(c.groups[0]->kind->key, "hx711");
  EXPECT_TRUE(c.groups[0]->paces());
  EXPECT_EQ(c.groups[1]->kind->name, "ADS1115");
  EXPECT_EQ(c.groups[1]->wired().front().where, "AIN0");
  EXPECT_EQ(c.groups[0]->wired().front().where, "data line 6");
  for (const ChipKind& kind : chip_kinds()) EXPECT_LT(kind.range.min, kind.range.max) << kind.key;
}

TEST(HardwareConfig, ProbeWordsComeFromTheChip) {
  const HardwareConfig c = parse("[hardware.hx711]\nclock = 5\ndata = { seat_fl = 6 }\n[hardware.ads1115]\n"
                                 "address = 0x49\ninputs = { foot_l = 0, foot_r = 1 }\n");
  EXPECT_EQ(c.groups[0]->heading(), "HX711 load cells: clock on line 5, 10 samples/s, gain 128");
  EXPECT_EQ(c.groups[0]->rate_problem(12), "");
  EXPECT_NE(c.groups[0]->rate_problem(80).find("is the RATE pin tied high?"), std::string::npos);
  EXPECT_EQ(c.groups[1]->heading(), "ADS1115 pads at 0x49 on /dev/i2c-1: 4.096 V full scale, 128 samples/s, single-shot");
  EXPECT_EQ(c.groups[1]->rate_text(5), "5.0 reads/s of all 2 inputs");
  EXPECT_DOUBLE_EQ(c.groups[1]->sample_rate(), 64);
  EXPECT_EQ(c.groups[1]->silent_chip("no answer from ADS1115 at 0x49"),
            "no chip at 0x49 on /dev/i2c-1: check SDA/SCL, power and the ADDR pin");
}

TEST(HardwareConfig, BadValuesNameTheKeyAndLine) {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"[hardware.hx711]\nclock = 5\nrate = 20\ndata = { seat_fl = 6 }\n",
       "chair.toml:3: hardware.hx711.rate: must be 10 or 80"},
      {"[hardware.hx711]\nclock = 5\ngain = 100\ndata = { seat_fl = 6 }\n", "chair.toml:3: hardware.hx711.gain: must be 128 or 64"},
      {"[hardware.hx711]\ndata = { seat_fl = 6 }\n", "chair.toml:1: hardware.hx711: missing key \"clock\""},
      {"[hardware.hx711]\nclock = -1\ndata = { seat_fl = 6 }\n", "hardware.hx711.clock: line number must be between 0 and 1023"},
      {"[hardware.hx711]\nclock = 5\ndata = { seat_fl = 1.5 }\n", "hardware.hx711.data.seat_fl: expected a line number"},
      {"[hardware.ads1115]\naddress = 0x50\ninputs = { foot_l = 0 }\n", "chair.toml:2: hardware.ads1115.address: must be between 72 and 75"},
      {"[hardware.ads1115]\nrate = 100\ninputs = { foot_l = 0 }\n", "hardware.ads1115.rate: must be one of 8, 16"},
      {"[hardware.ads1115]\nfull_scale = 5\ninputs = { foot_l = 0 }\n", "hardware.ads1115.full_scale: must be one of"},
      {"[hardware.ads1115]\ninputs = { foot_l = 4 }\n", "hardware.ads1115.inputs.foot_l: expected an input number 0..3"},
      {"[hardware.ads1115]\ninputs = { foot_l = 1, foot_r = 1 }\n", "is used twice"},
      {"[hardware.ads1115]\nmode = \"continuous\"\ninputs = { foot_l = 0, foot_r = 1 }\n", "continuous mode reads one input"},
      {"[[hardware.ads1115]]\ninputs = { foot_l = 0 }\n[[hardware.ads1115]]\ninputs = { foot_r = 0 }\n",
       "two chips at the same bus and address"},
      {"[[hardware.outputs]]\nname = \"x\"\nkind = \"horn\"\nline = 4\n", "chair.toml:3: hardware.outputs[0].kind: must be \"led\" or \"buzzer\""},
      {"[hardware]\nhx712 = 1\n", "chair.toml:2: hardware.hx712: unknown key"},
      {"[hardware]\nhx711 = 3\n", "hardware.hx711: expected a table"},
      {"[hardware.hx711]\nclock = 5\ndata = { seat_fx = 6 }\n", "channel \"seat_fx\" is not in the channel layout"},
      {"[hardware.hx711]\nclock = 5\ndata = { seat_fl = 5 }\n", "GPIO line 5 is already used at line 1"},
      {"[hardware.hx711]\nclock = 5\ndata = { seat_fl = 6 }\n[hardware.ads1115]\ninputs = { seat_fl = 0 }\n",
       "channel \"seat_fl\" is already wired at line 3"},
  };
  for (const auto& c : cases) {
    const std::string msg = error_of(c.text);
    EXPECT_NE(msg.find(c.message), std::string::npos) << "text:\n" << c.text << "message: " << msg;
  }
}
