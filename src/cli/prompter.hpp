#pragma once
// What the guided sessions of `chairhub calibrate` share (the channels' calibration and the
// sitter's postures): questions answered on standard input, and opening the chair.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "cli/hardware.hpp"
#include "core/input_error.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::cli {

// Questions on stdout, answers from stdin, one line each.
class Prompter {
 public:
  // Waits for Enter; "q" gives up. `step` names the step in messages.
  void wait(const std::string& step, const std::string& text) {
    const std::string answer = line(step, text + "\n  Press Enter when ready (q quits): ");
    if (answer == "q" || answer == "quit") throw InputError("calibrate", 0, "stopped at " + step + "; nothing written");
  }

  // A weight in kg, asked again until it is one.
  double kg(const std::string& text) {
    for (;;) {
      const std::string answer = line("the known weight", text);
      char* end = nullptr;
      const double v = std::strtod(answer.c_str(), &end);
      if (!answer.empty() && *end == '\0' && std::isfinite(v) && v > 0 && v < 500) return v;
      std::printf("  '%s' is not a weight in kg between 0 and 500; for example 10 or 12.5\n", answer.c_str());
    }
  }

 private:
  std::string line(const std::string& step, const std::string& text) {
    std::printf("%s", text.c_str());
    std::fflush(stdout);
    std::string answer;
    if (!std::getline(std::cin, answer)) {
      throw InputError("standard input", lines_, "ended before " + step + "; nothing written");
    }
    ++lines_;
    if (!::isatty(STDIN_FILENO)) std::printf("\n");  // piped answers are not echoed
    while (!answer.empty() && (answer.back() == '\r' || answer.back() == ' ')) answer.pop_back();
    return answer;
  }

  std::size_t lines_ = 0;
};

// The chair of the config (or the simulated one); a line or bus it cannot have is bad input.
inline std::unique_ptr<hw::HardwareSource> open_chair(ChairHardware& chair) {
  try {
    return chair.open();
  } catch (const hw::DeviceError& e) {
    throw InputError(chair.config().path, 0, std::string(e.what()) + " (`chairhub probe` checks the wiring)");
  }
}

}  // namespace chairhub::cli
