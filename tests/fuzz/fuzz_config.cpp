// The config file (TOML) from any bytes, read whole as chairhubd and `chairhub check-config` read
// it: a bad config must end in a ConfigError listing its problems, never in anything else. The
// files it names are not opened (a [calibration] file, a scenario): that would read whatever
// path the input names; fuzz_calibration and fuzz_scenario cover their formats.
#include "fuzz_input.hpp"
#include "service/daemon_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chairhub;
  try {
    parse_daemon_config(fuzz::as_text(data, size), "fuzz.toml", {.apply_calibration = false, .check_runtime = false});
  } catch (const ConfigError&) {
  }
  return 0;
}
