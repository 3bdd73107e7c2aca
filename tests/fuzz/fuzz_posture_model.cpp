// The posture model file `chairhub learn` and `calibrate --postures` write
// (config/posture_model_file.hpp) from any bytes: every problem must be reported, never thrown;
// a model that parses must classify without a crash and write back to text that reads the same.
#include <cstdlib>

#include "config/posture_model_file.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chairhub;
  std::vector<std::string> problems;
  const PostureModel model = parse_posture_model(fuzz::as_text(data, size), "fuzz.toml", problems);
  if (!problems.empty()) return 0;
  PostureInputs in{0.1, -0.2, 0.4};
  in.seat_drop = 0.05;
  in.feet_rise = 0.1;
  for (auto held : {std::optional<Posture>{}, std::optional<Posture>{Posture::other}})
    (void)model.classify(in, model.baseline, held);
  std::vector<std::string> again;
  const PostureModel back = parse_posture_model(format_posture_model(model, {}), "again.toml", again);
  if (!again.empty() || back.classes.size() != model.classes.size()) std::abort();  // it must read back
  return 0;
}
