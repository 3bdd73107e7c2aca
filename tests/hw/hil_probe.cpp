// Runs inside the qemu guest (scripts/hil/run.sh): the real libgpiod backend of this build (1.6
// or 2.x; run.sh can bring both) and i2c-dev against the kernel's gpio-sim and i2c-stub. The
// guest's init prepares:
//   - a gpio-sim bank labelled "hil-header", lines named GPIO0..GPIO31, its sysfs directory in
//     HIL_SIM_DIR (sim_gpioN/{value,pull});
//   - i2c-stub at 0x48 on /dev/i2c-0 with the conversion register preloaded (SMBus word 0x3412,
//     that is the bytes 0x12, 0x34 on the wire: the ADS1115 value 0x1234).
// Prints one line per check and a final "HIL-RESULT: PASS|FAIL" line; exits 0 only if all pass.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

#include "core/input_error.hpp"
#include "hw/ads1115/ads1115.hpp"
#include "hw/ads1115/ads1115_regs.hpp"
#include "hw/gpio/open_gpio_chip.hpp"
#include "hw/hx711/hx711.hpp"
#include "hw/i2c/i2c_dev.hpp"
#include "hw/output/pattern.hpp"
#include "hw/source/hardware_source.hpp"
#include "hw/util/device_error.hpp"

using namespace chairhub;
using namespace chairhub::hw;

namespace {

std::string sim_dir;
int failures = 0, checks = 0;

void check(const std::string& name, const std::function<std::string()>& body) {
  ++checks;
  std::string problem;
  try {
    problem = body();
  } catch (const std::exception& e) {
    problem = std::string("exception: ") + e.what();
  }
  if (problem.empty()) {
    std::printf("ok   %s\n", name.c_str());
  } else {
    ++failures;
    std::printf("FAIL %s: %s\n", name.c_str(), problem.c_str());
  }
  std::fflush(stdout);
}

int sim_value(unsigned line) {
  std::ifstream f(sim_dir + "/sim_gpio" + std::to_string(line) + "/value");
  int v = -1;
  f >> v;
  return v;
}

void sim_pull(unsigned line, bool up) {
  std::ofstream f(sim_dir + "/sim_gpio" + std::to_string(line) + "/pull");
  f << (up ? "pull-up" : "pull-down");
}

std::string expect(bool ok, const std::string& what) { return ok ? "" : what; }

}  // namespace

int main() {
  const char* dir = std::getenv("HIL_SIM_DIR");
  if (dir == nullptr) {
    std::printf("HIL_SIM_DIR not set\nHIL-RESULT: FAIL\n");
    return 2;
  }
  sim_dir = dir;
  SteadyClock clock;
  std::printf("     backend: %s\n", gpio_backend_version().c_str());

  check("gpio chip found by label", [] {
    auto chip = open_gpio_chip("hil-header");
    return expect(chip->describe().find("[hil-header]") != std::string::npos, chip->describe());
  });
  check("gpio chip found by name and by number", [] {
    const std::string name = open_gpio_chip("hil-header")->describe();  // "gpiochipN [hil-header]"
    const std::string chip_name = name.substr(0, name.find(' '));
    const std::string by_name = open_gpio_chip(chip_name)->describe();
    const std::string by_number = open_gpio_chip(chip_name.substr(8))->describe();
    const std::string by_path = open_gpio_chip("/dev/" + chip_name)->describe();
    return expect(by_name == name && by_number == name && by_path == name, by_name + " / " + by_number + " / " + by_path);
  });
  check("gpio chip found by line name", [] {
    auto chip = open_gpio_chip("", {LineId(std::string("GPIO17"))});
    return expect(chip->describe().find("hil-header") != std::string::npos, chip->describe());
  });
  check("missing line is named", [] {
    auto chip = open_gpio_chip("hil-header");
    try {
      chip->request(LineRequest::inputs({LineId(std::string("GPIO99"))}));
    } catch (const DeviceError& e) {
      return expect(std::string(e.what()).find("\"GPIO99\"") != std::string::npos, e.what());
    }
    return std::string("no error");
  });
  check("taken line is busy, naming its holder", [] {
    auto chip = open_gpio_chip("hil-header");
    LineRequest first = LineRequest::outputs({3u});
    first.consumer = "hil holder";
    auto a = chip->request(first);
    try {
      auto again = open_gpio_chip("hil-header");
      again->request(LineRequest::outputs({3u}));
    } catch (const DeviceError& e) {
      return expect(e.kind() == ErrorKind::busy && std::string(e.what()).find("in use by hil holder") != std::string::npos,
                    e.what());
    }
    return std::string("no error");
  });
  check("inputs follow the simulated pulls (bulk read)", [] {
    auto chip = open_gpio_chip("hil-header");
    sim_pull(6, true);
    sim_pull(13, false);
    auto in = chip->request(LineRequest::inputs({6u, 13u}));
    std::vector<int> v(2);
    in->get(v);
    return expect(v[0] == 1 && v[1] == 0, "read " + std::to_string(v[0]) + "," + std::to_string(v[1]));
  });
  check("pattern player drives LED and buzzer lines", [&] {
    auto chip = open_gpio_chip("hil-header");
    auto out = chip->request(LineRequest::outputs({16u, 20u}));
    PatternPlayer player(*out, {OutputKind::led, OutputKind::buzzer});
    player.play(nudge_pattern(NudgeReason::posture), Nanos{0});
    const int on_led = sim_value(16), on_buzz = sim_value(20);
    const auto next = player.step(Nanos{std::chrono::milliseconds{100}});
    const int off_led = sim_value(16);
    player.set_buzzer_enabled(false);
    player.play(chirp(), Nanos{0});
    const int muted = sim_value(20);
    return expect(on_led == 1 && on_buzz == 1 && off_led == 0 && next && muted == 0,
                  "levels " + std::to_string(on_led) + std::to_string(on_buzz) + std::to_string(off_led) +
                      std::to_string(muted));
  });

  // HX711 on real lines: without a chip, a pulled-up DOUT must read "not ready" and a pulled-
  // down one "stuck low". The safe clock-high limit is widened: TCG makes each ioctl slow, and
  // there is no real chip here to power down.
  const auto hx_read = [&](bool data6_up, bool data13_up) {
    auto chip = open_gpio_chip("hil-header");
    sim_pull(6, data6_up);
    sim_pull(13, data13_up);
    auto sck = chip->request(LineRequest::outputs({5u}));
    auto dout = chip->request(LineRequest::inputs({6u, 13u}, Bias::as_is, Edge::falling));
    Hx711Settings s;
    s.rate_sps = 80;
    s.timing.max_high = std::chrono::milliseconds{20};
    Hx711Array hx(*sck, *dout, clock, s);
    Hx711Reading r = hx.read();
    std::printf("     hx711 longest clock high: %lld us\n",
                static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(r.longest_high).count()));
    r.values.emplace_back(sim_value(5));  // the clock must be left low
    return r;
  };
  check("hx711: pulled-up data lines are not ready", [&] {
    const Hx711Reading r = hx_read(true, true);
    return expect(r.status[0] == Hx711Status::not_ready && r.status[1] == Hx711Status::not_ready,
                  std::string(to_string(r.status[0])) + "," + std::string(to_string(r.status[1])));
  });
  check("hx711: low data line is caught after the last pulse, per line", [&] {
    const Hx711Reading r = hx_read(false, true);
    return expect(r.status[0] == Hx711Status::stuck_low && r.status[1] == Hx711Status::not_ready &&
                      r.values.back() == 0,
                  std::string(to_string(r.status[0])) + "," + std::string(to_string(r.status[1])));
  });

  // Edge events: gpio-sim raises one when a pull changes what an input reads.
  const auto pull_later = [](unsigned line, bool up, std::chrono::milliseconds after) {
    return std::thread([=] {
      std::this_thread::sleep_for(after);
      sim_pull(line, up);
    });
  };
  check("edges: a wait returns when the line falls", [&] {
    auto chip = open_gpio_chip("hil-header");
    sim_pull(21, true);
    auto in = chip->request(LineRequest::inputs({21u}, Bias::as_is, Edge::falling));
    in->wait_edges(Nanos{0});
    std::thread puller = pull_later(21, false, std::chrono::milliseconds{200});
    const Nanos start = clock.now();
    const bool woke = in->wait_edges(std::chrono::seconds{10});
    const Nanos waited = clock.now() - start;
    puller.join();
    return expect(woke && waited < std::chrono::seconds{5} && in->get_one() == 0,
                  "woke " + std::to_string(woke) + " after " + std::to_string(to_seconds(waited)) + " s");
  });
  check("edges: a wait times out without one, and a rise does not count", [&] {
    auto chip = open_gpio_chip("hil-header");
    sim_pull(21, false);
    auto in = chip->request(LineRequest::inputs({21u}, Bias::as_is, Edge::falling));
    sim_pull(21, true);
    const Nanos start = clock.now();
    const bool woke = in->wait_edges(std::chrono::milliseconds{100});
    const Nanos waited = clock.now() - start;
    return expect(!woke && waited >= std::chrono::milliseconds{100}, "woke " + std::to_string(woke));
  });
  check("edges: edges before the wait are drained at once", [&] {
    auto chip = open_gpio_chip("hil-header");
    sim_pull(21, true);
    auto in = chip->request(LineRequest::inputs({21u}, Bias::as_is, Edge::falling));
    for (int i = 0; i < 3; ++i) {
      sim_pull(21, false);
      sim_pull(21, true);
    }
    const bool stale = in->wait_edges(Nanos{0});
    const bool left = in->wait_edges(Nanos{0});
    return expect(stale && !left, "stale " + std::to_string(stale) + " left " + std::to_string(left));
  });
  check("hx711: the wait for data returns at DOUT's falling edge", [&] {
    auto chip = open_gpio_chip("hil-header");
    sim_pull(6, true);
    auto sck = chip->request(LineRequest::outputs({5u}));
    auto dout = chip->request(LineRequest::inputs({6u}, Bias::as_is, Edge::falling));
    Hx711Bus bus(*sck, *dout, clock);
    std::thread puller = pull_later(6, false, std::chrono::milliseconds{200});
    const Nanos start = clock.now();
    const std::vector<bool> ready = bus.wait_ready({true}, std::chrono::seconds{10});
    const Nanos waited = clock.now() - start;
    puller.join();
    return expect(ready[0] && waited < std::chrono::seconds{5},
                  "ready " + std::to_string(ready[0]) + " after " + std::to_string(to_seconds(waited)) + " s");
  });

  check("i2c: ADS1115 single shot reads the big-endian conversion register", [&] {
    auto dev = open_i2c_dev(0, 0x48);
    Ads1115 adc(*dev, clock, {4.096, 860, AdsMode::single_shot});
    const AdsReading r = adc.read(2);
    if (!r.value) return r.fault;
    const std::uint16_t config = dev->read_word(ads1115::kRegConfig);
    return expect(*r.value == 0x1234 && config == adc.config_word(2),
                  "value " + std::to_string(*r.value) + " config " + std::to_string(config));
  });
  check("i2c: nothing at 0x49 is a no-device fault", [&] {
    auto dev = open_i2c_dev(0, 0x49);
    Ads1115 adc(*dev, clock);
    const AdsReading r = adc.read(0);
    return expect(!r.value && adc.fault_kind() == ErrorKind::no_device, r.fault);
  });
  check("i2c: a missing bus says so", [] {
    try {
      open_i2c_dev(7, 0x48);
    } catch (const DeviceError& e) {
      return expect(e.kind() == ErrorKind::no_device && std::string(e.what()).find("/dev/i2c-7") != std::string::npos,
                    e.what());
    }
    return std::string("no error");
  });

  check("hardware source end to end", [&] {
    sim_pull(6, true);
    const toml::table root = toml::parse(std::string_view(R"(
[hardware]
gpio_chip = "hil-header"
[hardware.hx711]
clock = "GPIO5"
rate = 80
data = { seat_fl = "GPIO6" }
[hardware.ads1115]
bus = 0
rate = 860
inputs = { lumbar_l = 2 }
[[hardware.outputs]]
name = "led"
line = 16
)"));
    const HardwareConfig config = read_hardware_config(*root["hardware"].as_table(), "hil.toml");
    HardwareSource source(config, ChannelLayout::standard(), linux_backends(), clock);
    const HardwareReading r = source.read();
    const std::size_t pad = *ChannelLayout::standard().find("lumbar_l");
    const std::size_t cell = *ChannelLayout::standard().find("seat_fl");
    return expect(r.sample.values[pad] == 0x1234 && r.health[pad].ok && std::isnan(r.sample.values[cell]) &&
                      !r.health[cell].ok,
                  "pad " + std::to_string(r.sample.values[pad]) + " cell fault: " + r.health[cell].fault);
  });

  std::printf("HIL-RESULT: %s %d/%d\n", failures == 0 ? "PASS" : "FAIL", checks - failures, checks);
  return failures == 0 ? 0 : 1;
}
