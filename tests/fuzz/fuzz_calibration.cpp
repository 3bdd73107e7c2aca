// The calibration file `chairhub calibrate` writes (calibration/file.hpp) from any
// bytes: every problem must be reported, never thrown, and what parses must apply.
#include "calibration/file.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chairhub;
  ChannelLayout layout = ChannelLayout::standard();
  std::vector<std::string> problems;
  const Calibration calibration = parse_calibration(fuzz::as_text(data, size), "fuzz.toml", layout, problems);
  apply_calibration(calibration, layout);
  return 0;
}
