#pragma once
// HX711, layer 2: chip configuration and error mapping for a group of chips on one clock line.
// Gain and channel, data rate, retries after disturbed frames, and faults a person can act on.
// Load-cell maths (tare, scale) is not here: see src/calibration.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hw/hx711/hx711_bus.hpp"

namespace chairhub::hw {

// The pulse count after the 24 data bits selects input and gain of the NEXT conversion.
enum class Hx711Gain { a128 = 1, b32 = 2, a64 = 3 };  // value = pulses after bit 24

std::optional<Hx711Gain> hx711_gain_from_number(int gain);  // 128, 64 (channel A), 32 (B)
int hx711_gain_number(Hx711Gain gain);

struct Hx711Settings {
  int rate_sps = 10;  // 10 or 80, set by the chip's RATE pin; the driver only times by it
  Hx711Gain gain = Hx711Gain::a128;
  int retries = 2;          // extra frames tried after one with a too long clock pulse
  int fault_after = 3;      // consecutive failed reads before a chip counts as faulted
  Hx711Timing timing;
};

enum class Hx711Status {
  ok,
  not_ready,   // DOUT stayed high past the timeout: no power, not connected, or DOUT stuck high
  stuck_low,   // DOUT still low after the last pulse: line shorted low or chip misbehaving
  timing,      // every try had a clock pulse longer than the safe limit (scheduling)
  settling,    // value discarded: converted before the gain took effect or the chip resynced
};

std::string_view to_string(Hx711Status status);

struct Hx711Reading {
  std::vector<std::optional<std::int32_t>> values;  // per chip, raw counts
  std::vector<Hx711Status> status;
  int discarded_frames = 0;  // frames thrown away for timing
  Nanos longest_high{0};
};

class Hx711Array {
 public:
  Hx711Array(GpioLines& sck, GpioLines& dout, Clock& clock, Hx711Settings settings = {});

  std::size_t chips() const { return bus_.chips(); }
  const Hx711Settings& settings() const { return settings_; }

  // Waits for data (up to about two conversion periods, longer while settling) and reads every
  // chip once. Never throws for chip trouble: that is in the returned status.
  Hx711Reading read();

  // A chip with `fault_after` failed reads in a row; the message says what to check.
  bool faulted(std::size_t chip) const { return failures_[chip] >= settings_.fault_after; }
  std::string fault_message(std::size_t chip) const;

  Nanos period() const;
  Nanos settling_time() const;  // datasheet: 400 ms at 10 SPS, 50 ms at 80 SPS

  void power_down();
  void power_up();

 private:
  // One frame: true when the read is over (values taken, or no chip ready in time), false when
  // the frame was disturbed and is worth another try.
  bool read_frame(const std::vector<bool>& wait_for, Hx711Reading& out);
  // Counts each chip's failed reads in a row, which decide faulted().
  void count_failures(const Hx711Reading& out);

  Hx711Bus bus_;
  Clock& clock_;
  Hx711Settings settings_;
  // Whether the conversion now running in the chips uses the configured gain: after power-up or
  // a disturbed frame they convert at A/128 until one clean frame has set the gain again.
  bool gain_set_ = false;
  Nanos settle_until_{0};
  std::vector<int> failures_;
  std::vector<Hx711Status> last_;
  std::vector<bool> resync_;  // chip missed frames: its first value back may be partial
};

}  // namespace chairhub::hw
