// A scenario file for `chairhub simulate` and the daemon's simulated chair (sim/scenario.hpp)
// from any bytes: a bad one must end in an InputError, and one that parses must simulate. Only
// the first samples are drawn: a valid scenario may rightly last for days.
#include "core/input_error.hpp"
#include "fuzz_input.hpp"
#include "sim/simulated_chair.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chairhub;
  static const ChannelLayout layout = ChannelLayout::standard();
  Scenario scenario;
  try {
    scenario = parse_scenario(fuzz::as_text(data, size), "fuzz.toml", layout);
  } catch (const InputError&) {
    return 0;
  }
  SimulatedChair chair(scenario, layout);
  Sample sample;
  std::string label;
  for (int i = 0; i < 200 && chair.next(sample, label); ++i) {
  }
  return 0;
}
