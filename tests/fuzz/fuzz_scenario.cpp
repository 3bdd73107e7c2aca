// A scenario file, the one format of every simulation (sim/scenario.hpp): `chairhub simulate`,
// the daemon's simulated sources and the wiring commands' --simulate, from any bytes. A bad one
// must end in an InputError, and one that parses must simulate: its first samples, a held load
// as `calibrate --simulate` gives, and a few readings of the simulated chips with its sensor
// constants and chip faults. Only the first samples are drawn: a valid scenario may rightly last
// for days.
#include "core/input_error.hpp"
#include "fuzz_input.hpp"
#include "service/daemon_config.hpp"
#include "service/simulated_devices.hpp"
#include "sim/simulated_chair.hpp"

namespace {

// The standard chair wired as hw/README.md wires it.
const char* const kChair = R"([hardware]
realtime = false
[hardware.hx711]
clock = 5
rate = 80
data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
[hardware.ads1115]
bus = 1
address = 0x48
rate = 860
inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2, foot_r = 3 }
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chairhub;
  static const DaemonConfig chair = parse_daemon_config(kChair, "chair.toml", {.check_runtime = false});
  const ChannelLayout& layout = chair.chair.layout;
  Scenario scenario;
  try {
    scenario = parse_scenario(fuzz::as_text(data, size), "fuzz.toml", layout);
  } catch (const InputError&) {
    return 0;
  }
  SimulatedChair sitter(scenario, layout);
  Sample sample;
  std::string label;
  for (int i = 0; i < 200 && sitter.next(sample, label); ++i) {
  }
  sitter.hold({10, 0.5, -0.5, {{"foot_l", 1.0}}});
  for (int i = 0; i < 10; ++i) sitter.next(sample, label);

  hw::SteadyClock clock;
  try {
    SimulatedDevices devices(scenario, layout, *chair.hardware, clock);
    for (int i = 0; i < 10 && devices.step(); ++i) {
    }
  } catch (const InputError&) {  // a chip fault the wired chip does not know
  }
  return 0;
}
